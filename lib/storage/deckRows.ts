import type Database from 'better-sqlite3';
import { MAX_MOMENTS_PER_DECK } from '../decks/deckLimits';
import { z } from 'zod';
import { momentIdSchema, momentInputSchema, type Deck, type Moment } from '../decks/deckSchema';
import { parseStoredValue, StoredRowError } from './storedRows';

const storedIntSchema = z.int().min(0, 'must not be negative');

interface DeckHeaderRow {
  created_at_ms: unknown;
  version: unknown;
  updated_at_ms: unknown;
}
interface MomentRow {
  id: unknown;
  position: unknown;
  data_json: unknown;
}

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

/** The SQL of decks, prepared once per connection. Call inside a transaction. */
export function createDeckRows(db: Database.Database) {
  const selectHeader = db.prepare<[string], DeckHeaderRow>(`
    SELECT rooms.created_at_ms, decks.version, decks.updated_at_ms
    FROM rooms LEFT JOIN decks ON decks.room_id = rooms.id WHERE rooms.id = ?`);
  const selectMoments = db.prepare<[string], MomentRow>('SELECT id, position, data_json FROM moments WHERE room_id = ? ORDER BY position');
  const selectMomentId = db.prepare<[string], { id: string }>('SELECT id FROM moments WHERE id = ?');
  const upsertHeader = db.prepare<[string, number, number]>(`
    INSERT INTO decks (room_id, version, updated_at_ms) VALUES (?, ?, ?)
    ON CONFLICT (room_id) DO UPDATE SET version = excluded.version, updated_at_ms = excluded.updated_at_ms`);
  const insertMoment = db.prepare<[string, string, number, string]>('INSERT INTO moments (id, room_id, position, data_json) VALUES (?, ?, ?, ?)');
  const updateData = db.prepare<[string, string, string]>('UPDATE moments SET data_json = ? WHERE id = ? AND room_id = ?');
  const updatePosition = db.prepare<[number, string, string]>('UPDATE moments SET position = ? WHERE id = ? AND room_id = ?');
  const deleteMoment = db.prepare<[string, string]>('DELETE FROM moments WHERE id = ? AND room_id = ?');

  /** The room's deck, validated; an empty deck at version 0 (dated at the room's creation) when none is stored yet. */
  function readDeck(roomId: string): Deck | undefined {
    const header = selectHeader.get(roomId);
    if (!header) return undefined;
    const at = (column: string) => ({ table: 'decks', rowId: roomId, column });
    const stored = header.version !== null;
    const version = stored ? parseStoredValue(at('version'), header.version, storedIntSchema) : 0;
    const updatedAtMs = stored
      ? parseStoredValue(at('updated_at_ms'), header.updated_at_ms, storedIntSchema)
      : parseStoredValue({ table: 'rooms', rowId: roomId, column: 'created_at_ms' }, header.created_at_ms, storedIntSchema);
    const moments = selectMoments.all(roomId).map(readMomentRow);
    if (moments.length > MAX_MOMENTS_PER_DECK) {
      throw new StoredRowError('decks', roomId, 'moments', `holds ${moments.length} moments, more than ${MAX_MOMENTS_PER_DECK}`);
    }
    return { roomId, version, moments, updatedAtMs };
  }

  function momentIdInUse(id: string): boolean {
    return selectMomentId.get(id) !== undefined;
  }

  /** Writes one change. Positions are unique per room, so moved rows step through negative positions first. */
  function write(change: DeckWrite): void {
    const { roomId } = change;
    upsertHeader.run(roomId, change.version, change.nowMs);
    if (change.deletedId !== undefined) deleteMoment.run(change.deletedId, roomId);
    const oldIndex = new Map(change.before.map((moment, index) => [moment.id, index]));
    const moved = change.after
      .map((moment, index) => ({ id: moment.id, index }))
      .filter(({ id, index }) => oldIndex.has(id) && oldIndex.get(id) !== index);
    for (const { id, index } of moved) updatePosition.run(-1 - index, id, roomId);
    for (const { id, index } of moved) updatePosition.run(index, id, roomId);
    if (change.inserted) {
      const { id, ...data } = change.inserted;
      insertMoment.run(id, roomId, change.after.findIndex((moment) => moment.id === id), JSON.stringify(data));
    }
    if (change.updated) {
      const { id, ...data } = change.updated;
      updateData.run(JSON.stringify(data), id, roomId);
    }
  }

  return { readDeck, momentIdInUse, write };
}
export type DeckRows = ReturnType<typeof createDeckRows>;

function readMomentRow(row: MomentRow, expectedPosition: number): Moment {
  const at = (column: string, json = false) => ({ table: 'moments', rowId: String(row.id), column, json });
  const id = parseStoredValue(at('id'), row.id, momentIdSchema);
  const position = parseStoredValue(at('position'), row.position, z.int());
  if (position !== expectedPosition) {
    throw new StoredRowError('moments', id, 'position', `expected ${expectedPosition} (positions run 0..n-1 without gaps), found ${position}`);
  }
  const data = parseStoredValue(at('data_json', true), row.data_json, momentInputSchema);
  return { id, ...data };
}
