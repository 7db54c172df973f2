/**
 * What the cluster did besides serving while it was measured: HAProxy's view of the nodes (a node marked DOWN has its
 * screens' connections cut) and the nodes' warnings (a lease the owner could not confirm in time pauses publishing).
 */
import { LIVE_ROOM_ID } from '@/lib/realtime/protocolVersion';
import { readNodeLogLine } from '@/scripts/lib/cluster/nodeLogLine';
import type { LocalCluster } from '@/scripts/lib/cluster/startLocalCluster';

const POLL_EVERY_MS = 250;

export class ClusterWatch {
  /** Times each node went from UP (or going down) to DOWN in HAProxy's view, by node. */
  private readonly markedDown = new Map<string, number>();
  private readonly warnings = new Map<string, number>();
  private readonly lastStatus = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  /** Feed every node output line here (startLocalCluster's onNodeLine). */
  noteLine(line: string): void {
    const { level, text } = readNodeLogLine(line);
    if (level !== 'warn' && level !== 'error' && level !== 'fatal') return;
    const key = `${text}${roomOf(line)}`;
    this.warnings.set(key, (this.warnings.get(key) ?? 0) + 1);
  }

  start(cluster: LocalCluster): void {
    this.timer = setInterval(() => {
      cluster.haproxy
        .serverStates()
        .then((states) => {
          for (const { name, status } of states) {
            if (status.startsWith('DOWN') && !(this.lastStatus.get(name) ?? '').startsWith('DOWN')) this.markedDown.set(name, (this.markedDown.get(name) ?? 0) + 1);
            this.lastStatus.set(name, status);
          }
        })
        .catch(() => undefined);
    }, POLL_EVERY_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One line for the notes, and clears the tallies for the next stretch. */
  takeSummary(stretch: string): string {
    const down = [...this.markedDown].map(([node, times]) => `${node} ${times}×`);
    const warned = [...this.warnings].map(([text, times]) => `${times}× "${text}"`);
    this.markedDown.clear();
    this.warnings.clear();
    return (
      `${stretch}: HAProxy marked DOWN ${down.length > 0 ? down.join(', ') : 'no node'}; ` +
      `node warnings ${warned.length > 0 ? warned.join(', ') : 'none'}`
    );
  }
}

/** Which room a log entry is about: the live room (real time, beside the measured rooms) or one the bench made. */
function roomOf(line: string): string {
  try {
    const { roomId } = JSON.parse(line) as { roomId?: unknown };
    if (roomId === undefined) return '';
    return roomId === LIVE_ROOM_ID ? ' (the live room)' : ' (a room of the bench)';
  } catch {
    return '';
  }
}
