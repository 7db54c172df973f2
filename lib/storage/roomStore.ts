import type Database from 'better-sqlite3';
import { z } from 'zod';
import { roomIdSchema, wallMsSchema } from '../decks/deckSchema';
import { parseStoredValue } from './storedRows';

/** Presenter keys are stored only as SHA-256 digests (see presenterKeys.ts). */
export const KEY_DIGEST_BYTES = 32;
const keyDigestSchema = z
  .instanceof(Buffer)
  .refine((digest) => digest.length === KEY_DIGEST_BYTES, `must be a ${KEY_DIGEST_BYTES}-byte SHA-256 digest`);
const jsonTextSchema = z.string().refine(isJsonText, 'must be JSON text');

const newRoomSchema = z
  .object({ id: roomIdSchema, scenarioId: z.string().min(1, 'must not be empty'), keyDigest: keyDigestSchema, createdAtMs: wallMsSchema })
  .strict();
export type NewRoom = z.infer<typeof newRoomSchema>;

export interface StoredRoom extends NewRoom {
  /** The last replay clock saved for the room, as JSON text; null until one is saved. */
  clockJson: string | null;
  updatedAtMs: number;
}

export interface RoomStore {
  /** Inserts the room; saving an existing id replaces its story and key and, when the story changes, forgets its clock. */
  saveRoom(room: NewRoom): void;
  /** Records the room's replay clock; false when the room is not stored. */
  saveRoomClock(id: string, clockJson: string, nowMs: number): boolean;
  /** Records the clocks of many rooms in one transaction (a checkpoint); returns how many rooms were stored. */
  saveRoomClocks(clocks: readonly { id: string; clockJson: string }[], nowMs: number): number;
  /** Every stored room, oldest first. */
  listRooms(): StoredRoom[];
  /** One stored room, or undefined. */
  getRoom(id: string): StoredRoom | undefined;
  /** Deletes the room with its deck; false when it was not stored. */
  deleteRoom(id: string): boolean;
}

interface RoomRow {
  id: string;
  scenario_id: unknown;
  key_digest: unknown;
  created_at_ms: unknown;
  clock_json: unknown;
  updated_at_ms: unknown;
}

/** Rooms that survive a restart. Inputs are programmer-supplied, so a bad one throws rather than returning a code. */
export function createRoomStore(db: Database.Database): RoomStore {
  const upsert = db.prepare(`
    INSERT INTO rooms (id, scenario_id, key_digest, created_at_ms, clock_json, updated_at_ms)
    VALUES (@id, @scenarioId, @keyDigest, @createdAtMs, NULL, @createdAtMs)
    ON CONFLICT (id) DO UPDATE SET
      clock_json = CASE WHEN scenario_id = excluded.scenario_id THEN clock_json ELSE NULL END,
      scenario_id = excluded.scenario_id,
      key_digest = excluded.key_digest`);
  const updateClock = db.prepare('UPDATE rooms SET clock_json = ?, updated_at_ms = ? WHERE id = ?');
  const selectAll = db.prepare<[], RoomRow>(
    'SELECT id, scenario_id, key_digest, created_at_ms, clock_json, updated_at_ms FROM rooms ORDER BY created_at_ms, id',
  );
  const selectOne = db.prepare<[string], RoomRow>(
    'SELECT id, scenario_id, key_digest, created_at_ms, clock_json, updated_at_ms FROM rooms WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM rooms WHERE id = ?');
  const saveClocks = db.transaction((clocks: readonly { id: string; clockJson: string }[], nowMs: number) =>
    clocks.reduce((saved, { id, clockJson }) => saved + updateClock.run(clockJson, nowMs, id).changes, 0),
  );

  return {
    saveRoom(room) {
      upsert.run(parseArgument('room', room, newRoomSchema));
    },
    saveRoomClock(id, clockJson, nowMs) {
      parseArgument('id', id, roomIdSchema);
      parseArgument('clockJson', clockJson, jsonTextSchema);
      parseArgument('nowMs', nowMs, wallMsSchema);
      return updateClock.run(clockJson, nowMs, id).changes === 1;
    },
    saveRoomClocks(clocks, nowMs) {
      parseArgument('nowMs', nowMs, wallMsSchema);
      for (const { id } of clocks) parseArgument('id', id, roomIdSchema);
      // Runs every checkpoint: the JSON is checked by the table (json_valid), which rolls the whole batch back.
      return saveClocks(clocks, nowMs);
    },
    listRooms() {
      return selectAll.all().map(readRoomRow);
    },
    getRoom(id) {
      const row = selectOne.get(id);
      return row ? readRoomRow(row) : undefined;
    },
    deleteRoom(id) {
      return remove.run(id).changes === 1;
    },
  };
}

function readRoomRow(row: RoomRow): StoredRoom {
  const at = (column: string) => ({ table: 'rooms', rowId: row.id, column });
  return {
    id: row.id,
    scenarioId: parseStoredValue(at('scenario_id'), row.scenario_id, z.string().min(1)),
    keyDigest: parseStoredValue(at('key_digest'), row.key_digest, keyDigestSchema),
    createdAtMs: parseStoredValue(at('created_at_ms'), row.created_at_ms, wallMsSchema),
    clockJson: parseStoredValue(at('clock_json'), row.clock_json, jsonTextSchema.nullable()),
    updatedAtMs: parseStoredValue(at('updated_at_ms'), row.updated_at_ms, wallMsSchema),
  };
}

function parseArgument<T>(name: string, value: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => [name, ...issue.path.map(String)].join('.') + `: ${issue.message}`);
  throw new Error(`room store: invalid ${reasons.join('; ')}`);
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
