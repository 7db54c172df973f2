import { z } from 'zod';
import { roomIdSchema, wallMsSchema } from '../decks/deckSchema';
import type { SitrepDb } from './storageTables';
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
  saveRoom(room: NewRoom): Promise<void>;
  /** Records the room's replay clock; false when the room is not stored. */
  saveRoomClock(id: string, clockJson: string, nowMs: number): Promise<boolean>;
  /** Records the clocks of many rooms in one transaction (a checkpoint); returns how many rooms were stored. */
  saveRoomClocks(clocks: readonly { id: string; clockJson: string }[], nowMs: number): Promise<number>;
  /** Every stored room, oldest first. */
  listRooms(): Promise<StoredRoom[]>;
  /** One stored room, or undefined. */
  getRoom(id: string): Promise<StoredRoom | undefined>;
  /** How many rooms are stored. */
  countRooms(): Promise<number>;
  /** Deletes the room with its deck; false when it was not stored. */
  deleteRoom(id: string): Promise<boolean>;
}

const ROOM_COLUMNS = ['id', 'scenario_id', 'key_digest', 'created_at_ms', 'clock_json', 'updated_at_ms'] as const;

/** Rooms that survive a restart. Inputs are programmer-supplied, so a bad one throws rather than returning a code. */
export function createRoomStore(db: SitrepDb): RoomStore {
  const updateClock = (trx: SitrepDb, id: string, clockJson: string, nowMs: number) =>
    trx.updateTable('rooms').set({ clock_json: clockJson, updated_at_ms: nowMs }).where('id', '=', id).executeTakeFirst();

  return {
    async saveRoom(room) {
      const { id, scenarioId, keyDigest, createdAtMs } = parseArgument('room', room, newRoomSchema);
      await db
        .insertInto('rooms')
        .values({ id, scenario_id: scenarioId, key_digest: keyDigest, created_at_ms: createdAtMs, clock_json: null, updated_at_ms: createdAtMs })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            // A new story makes the saved position meaningless.
            clock_json: eb.case().when('rooms.scenario_id', '=', eb.ref('excluded.scenario_id')).then(eb.ref('rooms.clock_json')).else(null).end(),
            scenario_id: eb.ref('excluded.scenario_id'),
            key_digest: eb.ref('excluded.key_digest'),
          })),
        )
        .execute();
    },
    async saveRoomClock(id, clockJson, nowMs) {
      parseArgument('id', id, roomIdSchema);
      parseArgument('clockJson', clockJson, jsonTextSchema);
      parseArgument('nowMs', nowMs, wallMsSchema);
      return (await updateClock(db, id, clockJson, nowMs)).numUpdatedRows === 1n;
    },
    async saveRoomClocks(clocks, nowMs) {
      parseArgument('nowMs', nowMs, wallMsSchema);
      for (const { id } of clocks) parseArgument('id', id, roomIdSchema);
      // Runs every checkpoint: the JSON is checked by the table, which rolls the whole batch back.
      return db.transaction().execute(async (trx) => {
        let saved = 0;
        for (const { id, clockJson } of clocks) saved += Number((await updateClock(trx, id, clockJson, nowMs)).numUpdatedRows);
        return saved;
      });
    },
    async listRooms() {
      const rows = await db.selectFrom('rooms').select(ROOM_COLUMNS).orderBy('created_at_ms').orderBy('id').execute();
      return rows.map(readRoomRow);
    },
    async getRoom(id) {
      const row = await db.selectFrom('rooms').select(ROOM_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? readRoomRow(row) : undefined;
    },
    async countRooms() {
      const row = await db.selectFrom('rooms').select((eb) => eb.fn.countAll<number | string | bigint>().as('count')).executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async deleteRoom(id) {
      return (await db.deleteFrom('rooms').where('id', '=', id).executeTakeFirst()).numDeletedRows === 1n;
    },
  };
}

function readRoomRow(row: { id: string; scenario_id: unknown; key_digest: unknown; created_at_ms: unknown; clock_json: unknown; updated_at_ms: unknown }): StoredRoom {
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
