/**
 * One measured window of the scrub and step parts: the clients' tallies are cleared, the sender sends `count`
 * commands at a steady cadence (without waiting for the previous acknowledgement, as a presenter dragging the
 * playhead would), then the runner waits for every acknowledgement and for the clients to
 * fall quiet, and asks them what arrived.
 */
import type { BenchChild } from '../core/benchChild';
import { busyPercent, cpuTimes } from '../core/machineLoad';
import { untilEpoch } from '../core/parentLink';
import type { ClientFleet, JumpFleetReport } from '../fanout/clientFleet';
import type { JumpSender } from './jumpSenders';

/** The first command goes out this long after the window opens, so that nothing of the set-up overlaps it. */
const FIRST_SEND_LEAD_MS = 100;

export interface SentJump {
  /** The seq of the `replay:jump` the command caused. */
  seq: number;
  /** Epoch ms just before the command was sent. */
  sentMs: number;
}

export interface JumpWindowResult {
  sent: SentJump[];
  report: JumpFleetReport;
  /** Wall time from the first command to the window's report. */
  wallMs: number;
  /** All cores of the machine over the window, every process included. */
  machineBusyPercent: number;
}

export interface JumpCadence {
  count: number;
  intervalMs: number;
  /** Which jumps' latencies the clients report: every jump, or only the last (the position the viewers end on). */
  measure: 'every' | 'last';
}

/**
 * Each command at least `intervalMs` after the previous one was sent: a runner held up never sends a burst to catch
 * up (as a throttled drag would not), so the server's per-socket control limit is never reached by the cadence.
 */
async function sendOnCadence(sender: JumpSender, cadence: JumpCadence): Promise<SentJump[]> {
  let dueMs = Date.now() + FIRST_SEND_LEAD_MS;
  const pending: Promise<SentJump>[] = [];
  for (let index = 0; index < cadence.count; index++) {
    await untilEpoch(dueMs);
    const sentMs = Date.now();
    const sending = sender.send(index).then((seq) => ({ seq, sentMs }));
    // A refusal surfaces below, through Promise.all; meanwhile it must not count as an unhandled rejection.
    sending.catch(() => undefined);
    pending.push(sending);
    dueMs = sentMs + cadence.intervalMs;
  }
  return Promise.all(pending);
}

/** `server`: the process of the server under test, whose probe (CPU, event-loop delay, GC) measures over the window. */
export async function measureJumpWindow(fleet: ClientFleet, server: BenchChild, sender: JumpSender, cadence: JumpCadence): Promise<JumpWindowResult> {
  await fleet.openJumpWindow();
  const startMs = Date.now();
  const cpuAtStart = cpuTimes();
  server.send({ type: 'window:open' });
  const sent = await sendOnCadence(sender, cadence);
  await fleet.quiet();
  server.send({ type: 'window:close' });
  const machineBusyPercent = busyPercent(cpuAtStart, cpuTimes());
  const measured = cadence.measure === 'every' ? sent : sent.slice(-1);
  const report = await fleet.jumpReport(new Map(measured.map((jump) => [jump.seq, jump.sentMs])));
  return { sent, report, wallMs: Date.now() - startMs, machineBusyPercent };
}
