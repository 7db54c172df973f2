import pg from 'pg';
import { PostgresDialect } from 'kysely';

/** Connections each node keeps to PostgreSQL at most. */
export const POSTGRES_POOL_SIZE = 10;
/** How long opening a connection may take before the attempt fails (and a request answers 503). */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;
const INT8_TYPE_ID = 20;

/** The URL as it may be shown: the password replaced by `***`. */
export function redactedDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that does not parse)';
  }
}

/**
 * A pool on `url`. bigint columns (wall-clock ms) come back as numbers: they stay far below 2^53. A connection that
 * drops (idle or checked out) is reported to `onIdleError` instead of crashing the process; the pool opens a new one
 * on demand.
 */
export function postgresDialect(url: string, onIdleError: (error: Error) => void): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    types: { getTypeParser: (id, format) => (id === INT8_TYPE_ID ? (value: string) => Number(value) : pg.types.getTypeParser(id, format)) },
  });
  pool.on('error', onIdleError);
  // A connection that drops while checked out (between two queries of a transaction, say) emits 'error' too, with no
  // pool listener then: without this it would be an uncaught exception. The query in flight rejects on its own.
  pool.on('connect', (client) => client.on('error', onIdleError));
  return { dialect: new PostgresDialect({ pool }), pool };
}
