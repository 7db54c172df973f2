import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The PostgreSQL the run was given (tests/helpers/postgresGlobalSetup.ts), or why there is none. */
export function testPostgres(): { adminUrl: string } | { missing: string } {
  const adminUrl = inject('postgresAdminUrl');
  return adminUrl ? { adminUrl } : { missing: inject('postgresMissing') };
}

/** Creates an empty database named `<prefix>_<random>` next to the admin URL's and returns its URL. */
export async function freshPostgresDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
