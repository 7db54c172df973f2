import type { TestProject } from 'vitest/node';
import { findPostgresBin, HOW_TO_GET_POSTGRES, startLocalPostgres, type LocalPostgres } from '../../scripts/lib/localServices/postgresServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create databases; empty when none is available (the Postgres tests then skip). */
    postgresAdminUrl: string;
    /** Why there is no PostgreSQL, and how to get one. */
    postgresMissing: string;
  }
}

let started: LocalPostgres | undefined;

/**
 * Gives the tests a PostgreSQL: SITREP_TEST_DATABASE_URL when set (CI starts a throwaway cluster and sets it), else a
 * throwaway cluster started here when PostgreSQL is installed. In CI a missing PostgreSQL fails the run: the storage
 * suite never skips it there.
 */
export async function setup(project: TestProject): Promise<void> {
  const given = process.env.SITREP_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    project.provide('postgresMissing', '');
    return;
  }
  if (findPostgresBin()) {
    started = await startLocalPostgres();
    project.provide('postgresAdminUrl', started.adminUrl);
    project.provide('postgresMissing', '');
    return;
  }
  if (process.env.CI) throw new Error(`The storage tests need PostgreSQL in CI: ${HOW_TO_GET_POSTGRES}`);
  project.provide('postgresAdminUrl', '');
  project.provide('postgresMissing', `no PostgreSQL here: ${HOW_TO_GET_POSTGRES}`);
}

export async function teardown(): Promise<void> {
  await started?.stop();
  started = undefined;
}
