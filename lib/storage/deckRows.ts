import { MAX_MOMENTS_PER_DECK } from '../decks/deckLimits';
import { sql } from 'kysely';
import { z } from 'zod';
import { momentIdSchema, momentInputSchema, type Deck, type Moment } from '../decks/deckSchema';
import type { SitrepDb } from './storageTables';
import { parseStoredValue, StoredRowError } from './storedRows';

const storedIntSchema = z.int().min(0, 'must not be negative');

/** What a change writes: the deck's moments in their new order, and the one moment added, changed or removed. */
export interface DeckWrite {
  roomId: string;
  version: number;
  nowMs: number;
  before: readonly Moment[];
  after: readonly Moment[];
  inserted?: Moment;
  updated?: Moment;
  deletedId?: string;
}

/**
 * Takes the room's row lock for the rest of the transaction: writers of one deck queue here (PostgreSQL locks the
 * row; SQLite takes the file's write lock), so each reads the version the one before it wrote. False when the room
 * does not exist.
 */
export async function lockRoom(trx: SitrepDb, roomId: string): Promise<boolean> {
  const result = await trx.updateTable('rooms').set((eb) => ({ updated_at_ms: eb.ref('updated_at_ms') })).where('id', '=', roomId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The room's deck, validated; an empty deck at version 0 (dated at the room's creation) when none is stored yet. */
export async function readDeck(db: SitrepDb, roomId: string): Promise<Deck | undefined> {
  const header = await db
    .selectFrom('rooms')
    .leftJoin('decks', 'decks.room_id', 'rooms.id')
    .select(['rooms.created_at_ms', 'decks.version', 'decks.updated_at_ms'])
    .where('rooms.id', '=', roomId)
    .executeTakeFirst();
  if (!header) return undefined;
  const at = (column: string) => ({ table: 'decks', rowId: roomId, column });
  const stored = header.version !== null;
  const version = stored ? parseStoredValue(at('version'), header.version, storedIntSchema) : 0;
  const updatedAtMs = stored
    ? parseStoredValue(at('updated_at_ms'), header.updated_at_ms, storedIntSchema)
    : parseStoredValue({ table: 'rooms', rowId: roomId, column: 'created_at_ms' }, header.created_at_ms, storedIntSchema);
  const rows = await db.selectFrom('moments').select(['id', 'position', 'data_json']).where('room_id', '=', roomId).orderBy('position').execute();
  const moments = rows.map(readMomentRow);
  if (moments.length > MAX_MOMENTS_PER_DECK) {
    throw new StoredRowError('decks', roomId, 'moments', `holds ${moments.length} moments, more than ${MAX_MOMENTS_PER_DECK}`);
  }
  return { roomId, version, moments, updatedAtMs };
}

export async function momentIdInUse(db: SitrepDb, id: string): Promise<boolean> {
  return (await db.selectFrom('moments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Writes one change. Positions are unique per room, so moved rows step through negative positions first. */
export async function writeDeck(trx: SitrepDb, change: DeckWrite): Promise<void> {
  const { roomId } = change;
  await trx
    .insertInto('decks')
    .values({ room_id: roomId, version: change.version, updated_at_ms: change.nowMs })
    .onConflict((oc) => oc.column('room_id').doUpdateSet({ version: change.version, updated_at_ms: change.nowMs }))
    .execute();
  if (change.deletedId !== undefined) await trx.deleteFrom('moments').where('id', '=', change.deletedId).where('room_id', '=', roomId).execute();
  const oldIndex = new Map(change.before.map((moment, index) => [moment.id, index]));
  const moved = change.after
    .map((moment, index) => ({ id: moment.id, index }))
    .filter(({ id, index }) => oldIndex.has(id) && oldIndex.get(id) !== index);
  if (moved.length > 0) {
    const ids = moved.map(({ id }) => id);
    // CAST: PostgreSQL cannot tell the type of a bare parameter in CASE; both engines read CAST the same way.
    const positionCase = (offset: (index: number) => number) =>
      sql<number>`CASE ${sql.join(
        moved.map(({ id, index }) => sql`WHEN id = ${id} THEN CAST(${offset(index)} AS INTEGER)`),
        sql` `,
      )} END`;
    await trx.updateTable('moments').set({ position: positionCase((index) => -1 - index) }).where('room_id', '=', roomId).where('id', 'in', ids).execute();
    await trx.updateTable('moments').set({ position: positionCase((index) => index) }).where('room_id', '=', roomId).where('id', 'in', ids).execute();
  }
  if (change.inserted) {
    const { id, ...data } = change.inserted;
    const position = change.after.findIndex((moment) => moment.id === id);
    await trx.insertInto('moments').values({ id, room_id: roomId, position, data_json: JSON.stringify(data) }).execute();
  }
  if (change.updated) {
    const { id, ...data } = change.updated;
    await trx.updateTable('moments').set({ data_json: JSON.stringify(data) }).where('id', '=', id).where('room_id', '=', roomId).execute();
  }
}

function readMomentRow(row: { id: unknown; position: unknown; data_json: unknown }, expectedPosition: number): Moment {
  const at = (column: string, json = false) => ({ table: 'moments', rowId: String(row.id), column, json });
  const id = parseStoredValue(at('id'), row.id, momentIdSchema);
  const position = parseStoredValue(at('position'), row.position, z.int());
  if (position !== expectedPosition) {
    throw new StoredRowError('moments', id, 'position', `expected ${expectedPosition} (positions run 0..n-1 without gaps), found ${position}`);
  }
  const data = parseStoredValue(at('data_json', true), row.data_json, momentInputSchema);
  return { id, ...data };
}
