/** The takeover of a room, as a node's JSON log line (pino) says it. */

/** The message lib/realtime/server/cluster/clusterHosting.ts logs when a node starts running a room's clock. */
export const TAKEOVER_MESSAGE = 'This node runs the room’s clock';

export interface Takeover {
  roomId: string;
  /** Epoch ms of the log entry (its ISO `time`). */
  atMs: number;
  /** Whether the node continued a room another node ran (false: it opened the room's log). */
  continued: boolean;
}

/** The takeover a node's output line reports, or undefined for any other line. Pure. */
export function takeoverOf(line: string): Takeover | undefined {
  if (!line.includes(TAKEOVER_MESSAGE)) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { msg, roomId, time, continued } = entry as Record<string, unknown>;
  if (msg !== TAKEOVER_MESSAGE || typeof roomId !== 'string' || typeof time !== 'string') return undefined;
  const atMs = Date.parse(time);
  return Number.isFinite(atMs) ? { roomId, atMs, continued: continued === true } : undefined;
}
