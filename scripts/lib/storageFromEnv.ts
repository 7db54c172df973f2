import path from 'node:path';
import { openStorage, type SitrepStorage } from '../../lib/storage/openStorage';
import type { EnvVars } from '../../lib/server/config';
import { redactedDatabaseUrl } from '../../lib/storage/postgresDialect';

/** The store the server would use with this environment: SITREP_DATABASE_URL, else SQLite in SITREP_DATA_DIR (./data). */
export function openStorageFromEnv(env: EnvVars): Promise<SitrepStorage> {
  const databaseUrl = env.SITREP_DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`SITREP_DATABASE_URL: expected postgres://user:password@host:port/database, got "${redactedDatabaseUrl(databaseUrl)}"`);
  }
  return openStorage({ dataDir: path.resolve(env.SITREP_DATA_DIR || 'data'), databaseUrl });
}
