import type { Kysely } from 'kysely';

/**
 * The tables as the code writes them. Reads are validated again (storedRows.ts): a row is never trusted to hold
 * what these types say. Times are wall-clock milliseconds since the epoch; JSON columns hold JSON text.
 */
export interface RoomsTable {
  id: string;
  scenario_id: string;
  /** SHA-256 of the presenter key (32 bytes); the key itself is never stored. */
  key_digest: Buffer;
  created_at_ms: number;
  clock_json: string | null;
  updated_at_ms: number;
}

export interface DecksTable {
  room_id: string;
  version: number;
  updated_at_ms: number;
}

export interface MomentsTable {
  id: string;
  room_id: string;
  /** 0..n-1 per room, unique per room. */
  position: number;
  data_json: string;
}

export interface SitrepTables {
  rooms: RoomsTable;
  decks: DecksTable;
  moments: MomentsTable;
}

export type SitrepDb = Kysely<SitrepTables>;

/** The two engines one query layer runs on. */
export const STORAGE_ENGINES = ['sqlite', 'postgres'] as const;
export type StorageEngine = (typeof STORAGE_ENGINES)[number];
