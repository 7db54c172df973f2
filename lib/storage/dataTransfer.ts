import { savedRoomStateSchema } from '../realtime/server/roomPersistence';
import { DATA_FILE_FORMAT, DATA_FILE_VERSION, type DataFile, type ExportedRoom } from './dataFile';
import { readDeck } from './deckRows';
import { createRoomStore } from './roomStore';
import type { SitrepDb, StorageEngine } from './storageTables';
import { parseStoredValue, StoredRowError } from './storedRows';

/** Rows per INSERT: well under both engines' limits on parameters in one statement. */
const ROWS_PER_INSERT = 200;

/**
 * Every room with its deck, read in one transaction (a consistent copy while the server runs). A stored row that does
 * not hold what the code writes stops the export with its table, row and field: nothing is silently left out.
 */
export async function exportData(db: SitrepDb, engine: StorageEngine, nowMs: number): Promise<DataFile> {
  return db.transaction().execute(async (trx) => {
    const rooms: ExportedRoom[] = [];
    for (const room of await createRoomStore(trx).listRooms()) {
      const deck = await readDeck(trx, room.id);
      if (!deck) throw new StoredRowError('rooms', room.id, 'id', 'vanished during the export');
      const state = room.clockJson === null ? null : parseStoredValue({ table: 'rooms', rowId: room.id, column: 'clock_json', json: true }, room.clockJson, savedRoomStateSchema);
      rooms.push({
        id: room.id,
        scenarioId: room.scenarioId,
        keyDigest: room.keyDigest.toString('base64'),
        createdAtMs: room.createdAtMs,
        updatedAtMs: room.updatedAtMs,
        state,
        deck: { version: deck.version, updatedAtMs: deck.updatedAtMs, moments: deck.moments },
      });
    }
    return { format: DATA_FILE_FORMAT, version: DATA_FILE_VERSION, exportedAtMs: nowMs, engine, rooms };
  });
}

export type ImportResult = { ok: true; rooms: number; moments: number } | { ok: false; message: string };

/**
 * Adds the file's rooms and decks in one transaction: all of them, or — when a room or moment id is already taken,
 * or the store refuses a row — none. Rooms already stored are never overwritten.
 */
export async function importData(db: SitrepDb, file: DataFile): Promise<ImportResult> {
  const roomIds = file.rooms.map((room) => room.id);
  const momentIds = file.rooms.flatMap((room) => room.deck.moments.map((moment) => moment.id));
  return db.transaction().execute(async (trx): Promise<ImportResult> => {
    const takenRooms = await existing(trx, 'rooms', roomIds);
    if (takenRooms.length > 0) return { ok: false, message: `the store already holds room${takenRooms.length === 1 ? '' : 's'} ${list(takenRooms)}: nothing was imported` };
    const takenMoments = await existing(trx, 'moments', momentIds);
    if (takenMoments.length > 0) return { ok: false, message: `the store already holds moment${takenMoments.length === 1 ? '' : 's'} ${list(takenMoments)}: nothing was imported` };
    const roomRows = file.rooms.map((room) => ({
      id: room.id,
      scenario_id: room.scenarioId,
      key_digest: Buffer.from(room.keyDigest, 'base64'),
      created_at_ms: room.createdAtMs,
      clock_json: room.state === null ? null : JSON.stringify(room.state),
      updated_at_ms: room.updatedAtMs,
    }));
    // A deck never changed has no row (it reads as empty, version 0); one emptied again keeps its version.
    const deckRows = file.rooms
      .filter((room) => room.deck.version > 0 || room.deck.moments.length > 0)
      .map((room) => ({ room_id: room.id, version: room.deck.version, updated_at_ms: room.deck.updatedAtMs }));
    const momentRows = file.rooms.flatMap((room) =>
      room.deck.moments.map(({ id, ...data }, position) => ({ id, room_id: room.id, position, data_json: JSON.stringify(data) })),
    );
    for (const rows of chunks(roomRows)) await trx.insertInto('rooms').values(rows).execute();
    for (const rows of chunks(deckRows)) await trx.insertInto('decks').values(rows).execute();
    for (const rows of chunks(momentRows)) await trx.insertInto('moments').values(rows).execute();
    return { ok: true, rooms: roomRows.length, moments: momentRows.length };
  });
}

async function existing(trx: SitrepDb, table: 'rooms' | 'moments', ids: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom(table).select('id').where('id', 'in', part).execute();
    found.push(...rows.map((row) => row.id));
  }
  return found;
}

function chunks<T>(items: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) parts.push(items.slice(start, start + ROWS_PER_INSERT));
  return parts;
}

const SHOWN_IDS = 5;
function list(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).map((id) => `"${id}"`).join(', ');
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}
