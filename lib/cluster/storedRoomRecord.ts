import type { z } from 'zod';

/** A record of a room kept in Redis (its head, a command's answer) that cannot be read back: names the room and the field. */
export class CorruptRoomRecordError extends Error {
  constructor(
    readonly roomId: string,
    readonly field: string,
    problem: string,
  ) {
    super(`Room ${roomId}: the stored "${field}" is corrupt: ${problem}`);
    this.name = 'CorruptRoomRecordError';
  }
}

/** Parses the JSON stored under `field` with `schema`; the error names the field and, inside it, the path of the first problem. */
export function readStoredJson<T>(roomId: string, field: string, raw: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CorruptRoomRecordError(roomId, field, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${field}.${issue.path.join('.')}` : field;
  throw new CorruptRoomRecordError(roomId, path, issue?.message ?? 'invalid');
}
