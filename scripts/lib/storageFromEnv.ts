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

/**
 * Runs a data command that takes exactly one file: `work` gets its absolute path and returns the exit code; a wrong
 * number of arguments prints `usage` (exit 2), and a failure prints `failed` with the reason (exit 1).
 */
export function runFileCommand(usage: string, failed: string, work: (filePath: string) => Promise<number>): void {
  const args = process.argv.slice(2);
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  work(path.resolve(file)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`${failed}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
