/**
 * One measured window of the scrub and step parts: the clients' tallies are cleared, the sender sends `count`
 * commands at a steady cadence (without waiting for the previous acknowledgement, as a presenter dragging the
 * playhead would), then the runner waits for every acknowledgement and for the clients to
 * fall quiet, and asks them what arrived.
 */
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
    pending.push(sender.send(index).then((seq) => ({ seq, sentMs })));
    dueMs = sentMs + cadence.intervalMs;
  }
  return Promise.all(pending);
}

export async function measureJumpWindow(fleet: ClientFleet, sender: JumpSender, cadence: JumpCadence): Promise<JumpWindowResult> {
  await fleet.openJumpWindow();
  const startMs = Date.now();
  const cpuAtStart = cpuTimes();
  const sent = await sendOnCadence(sender, cadence);
  await fleet.quiet();
  const machineBusyPercent = busyPercent(cpuAtStart, cpuTimes());
  const measured = cadence.measure === 'every' ? sent : sent.slice(-1);
  const report = await fleet.jumpReport(new Map(measured.map((jump) => [jump.seq, jump.sentMs])));
  return { sent, report, wallMs: Date.now() - startMs, machineBusyPercent };
}
