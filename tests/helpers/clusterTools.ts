import { spawnSync } from 'node:child_process';
import { findHaproxyBin, HOW_TO_GET_HAPROXY } from '@/scripts/lib/localServices/haproxyServer';
import { REDIS_SERVER_BIN } from '@/scripts/lib/localServices/redisServer';
import type { testPostgres } from './postgresDatabases';
import { missingTools } from './requiredTools';

/** Why the multi-node tests must skip here (undefined when haproxy, redis-server and PostgreSQL are all there). */
export function clusterToolsMissing(postgres: ReturnType<typeof testPostgres>): string | undefined {
  return missingTools([
    { name: 'haproxy', found: findHaproxyBin() !== undefined, howToGet: HOW_TO_GET_HAPROXY },
    { name: 'redis-server', found: spawnSync(REDIS_SERVER_BIN, ['--version']).status === 0, howToGet: 'apt-get install redis-server' },
    { name: 'PostgreSQL', found: 'adminUrl' in postgres, howToGet: 'missing' in postgres ? postgres.missing : '' },
  ]);
}
