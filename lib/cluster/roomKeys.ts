/**
 * Redis key names of a room. The room id sits in a hash tag (`{...}`) so that every key of a room falls in the same
 * slot: the scripts that touch the lease and the log together stay valid on a Redis Cluster too.
 */
const PREFIX = 'sitrep';

export const roomKeys = (roomId: string) => ({
  /** `<token>:<nodeId>`, with the lease's expiry (PX). */
  lease: `${PREFIX}:room:{${roomId}}:lease`,
  /** The counter fencing tokens come from. Never expires: it must only grow. */
  fence: `${PREFIX}:room:{${roomId}}:fence`,
  /** The stream of numbered messages: entry id `<seq>-0`, fields `m` (message JSON) and `t` (wall ms). */
  log: `${PREFIX}:room:{${roomId}}:log`,
  /** The log's epoch, last seq and last wall time, and the room's head (JSON) with the seq it stands at (a hash). */
  logMeta: `${PREFIX}:room:{${roomId}}:log-meta`,
  /** The answer (ControlAck JSON) to the control with this client-chosen id, expiring with the log's retention. */
  command: (commandId: string) => `${PREFIX}:room:{${roomId}}:command:${commandId}`,
  /** Viewer counts of the room, one field per node id. */
  presence: `${PREFIX}:room:{${roomId}}:presence`,
});

/** Present (with a ttl) while the node heartbeats. */
export const nodeAliveKey = (nodeId: string) => `${PREFIX}:node:{${nodeId}}:alive`;
