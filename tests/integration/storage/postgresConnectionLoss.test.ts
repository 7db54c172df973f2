import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '@/lib/storage/openStorage';
import { findPostgresBin, HOW_TO_GET_POSTGRES, startLocalPostgres, type LocalPostgres } from '@/scripts/lib/localServices/postgresServer';

const haveBinaries = findPostgresBin() !== undefined;
if (!haveBinaries && process.env.CI) throw new Error(`This test needs PostgreSQL in CI: ${HOW_TO_GET_POSTGRES}`);
const HELD_MS = 1_500;

(haveBinaries ? describe : describe.skip)(`a PostgreSQL connection lost while checked out${haveBinaries ? '' : ` — skipped: ${HOW_TO_GET_POSTGRES}`}`, () => {
  let postgres: LocalPostgres;
  let url: string;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    postgres = await startLocalPostgres();
    url = await postgres.createDatabase('connection_loss');
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await postgres?.stop();
  });

  it('rejects the transaction that held it and reports the loss, never throwing it at the process', async () => {
    const lost: string[] = [];
    const storage = await openStorage({ dataDir: '/nonexistent', databaseUrl: url, onConnectionLost: (error) => lost.push(error.message) });
    let inside!: () => void;
    const holding = new Promise<void>((resolve) => (inside = resolve));
    // A transaction holds its connection between two statements while the server dies.
    const held = storage.db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      inside();
      await new Promise((resolve) => setTimeout(resolve, HELD_MS));
      await sql`SELECT 1`.execute(trx);
    });
    await holding;
    await postgres.kill();
    await expect(held).rejects.toThrow();
    await storage.close().catch(() => undefined);
    expect(uncaught).toEqual([]);
    expect(lost.length).toBeGreaterThan(0);
  });
});
