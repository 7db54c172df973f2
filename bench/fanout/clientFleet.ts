/** The N clients of one server, split over CLIENT_PROCESSES child processes. */
import path from 'node:path';
import { BenchChild } from '../core/benchChild';
import { concatFloat64 } from '../core/stats';
import { jumpReportReplySchema, jumpWindowReplySchema, type JumpReportCommand, type JumpReportReply } from '../jumps/jumpMessages';
import { connectedReplySchema, quietReplySchema, reportReplySchema, type ClientReport, type ReportCommand } from './fanoutMessages';
import type { StreamServer } from './streamServers';

export const CLIENT_PROCESSES = 2;
const CONNECT_TIMEOUT_MS = 300_000;
const QUIET_TIMEOUT_MS = 90_000;
const REPORT_TIMEOUT_MS = 120_000;

export interface FleetReport {
  /** Every (client, event) delivery latency of the measured windows, ascending. */
  latenciesMs: Float64Array;
  lost: number;
  duplicated: number;
  clientsWithLoss: number;
  clientsWithDuplicates: number;
  disconnected: number;
  /** CPU of each client process over the measured windows, % of one core. */
  processCpuPercents: number[];
}

export interface JumpFleetReport {
  /** Every (client, jump) latency of the window, ascending. */
  latenciesMs: Float64Array;
  /** (client, jump) pairs never received; a client that failed to connect misses every jump. */
  missing: number;
  /** WebSocket frames and bytes every client received in the window. */
  frames: number;
  bytes: number;
  disconnected: number;
}

export class ClientFleet {
  private constructor(
    private readonly processes: BenchChild[],
    readonly connected: number,
    readonly failed: number,
    readonly firstError: string | null,
  ) {}

  static async connect(server: Pick<StreamServer, 'kind' | 'url' | 'room'>, clients: number): Promise<ClientFleet> {
    const processes = Array.from(
      { length: CLIENT_PROCESSES },
      (_, i) => new BenchChild(`${server.kind} clients ${i + 1}`, path.join(import.meta.dirname, 'clientProcess.ts')),
    );
    const share = (i: number) => Math.floor(clients / CLIENT_PROCESSES) + (i < clients % CLIENT_PROCESSES ? 1 : 0);
    const replies = await Promise.all(
      processes.map((child, i) => child.request({ type: 'connect', url: server.url, room: server.room, count: share(i) }, connectedReplySchema, CONNECT_TIMEOUT_MS)),
    );
    return new ClientFleet(
      processes,
      replies.reduce((sum, r) => sum + r.connected, 0),
      replies.reduce((sum, r) => sum + r.failed, 0),
      replies.find((r) => r.firstError !== null)?.firstError ?? null,
    );
  }

  /** Opens or closes a measured window on the client processes' CPU meters. */
  window(state: 'open' | 'close'): void {
    for (const child of this.processes) child.send({ type: `window:${state}` });
  }

  /** Resolves once nothing has arrived for a while: the halted stream's backlog is delivered. */
  async quiet(): Promise<void> {
    await Promise.all(this.processes.map((child) => child.request({ type: 'quiet' }, quietReplySchema, QUIET_TIMEOUT_MS)));
  }

  /** `eventIds[i]` was scheduled at `scheduledMs[i]` inside a measured window. */
  async report(expected: Map<string, number>): Promise<FleetReport> {
    const command: ReportCommand = { type: 'report', eventIds: [...expected.keys()], scheduledMs: Float64Array.from(expected.values()) };
    const reports: ClientReport[] = await Promise.all(this.processes.map((child) => child.request(command, reportReplySchema, REPORT_TIMEOUT_MS)));
    const sum = (pick: (r: ClientReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
    return {
      latenciesMs: concatFloat64(reports.map((r) => r.latenciesMs)).sort(),
      lost: sum((r) => r.lost) + this.failed * expected.size,
      duplicated: sum((r) => r.duplicated),
      clientsWithLoss: sum((r) => r.clientsWithLoss) + this.failed,
      clientsWithDuplicates: sum((r) => r.clientsWithDuplicates),
      disconnected: sum((r) => r.disconnected),
      processCpuPercents: reports.map((r) => r.cpuPercentOfCore),
    };
  }

  /** Clears the clients' jump receipts and frame tallies; resolves once every process has done so. */
  async openJumpWindow(): Promise<void> {
    await Promise.all(this.processes.map((child) => child.request({ type: 'jumps:open' }, jumpWindowReplySchema, QUIET_TIMEOUT_MS)));
  }

  /** `sent` maps the seq of each jump caused in the window to the instant (epoch ms) its command was sent. */
  async jumpReport(sent: ReadonlyMap<number, number>): Promise<JumpFleetReport> {
    const command: JumpReportCommand = { type: 'jumps:report', seqs: [...sent.keys()], sentMs: Float64Array.from(sent.values()) };
    const reports: JumpReportReply[] = await Promise.all(this.processes.map((child) => child.request(command, jumpReportReplySchema, REPORT_TIMEOUT_MS)));
    const sum = (pick: (r: JumpReportReply) => number) => reports.reduce((total, r) => total + pick(r), 0);
    return {
      latenciesMs: concatFloat64(reports.map((r) => r.latenciesMs)).sort(),
      missing: sum((r) => r.missing) + this.failed * sent.size,
      frames: sum((r) => r.frames),
      bytes: sum((r) => r.bytes),
      disconnected: sum((r) => r.disconnected),
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((child) => child.stop()));
  }
}
