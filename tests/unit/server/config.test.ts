import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_STORED_ROOMS } from '@/lib/realtime/server/roomRegistry';
import { serverConfigFromEnv } from '@/lib/server/config';

const KEY = 'k'.repeat(32);
const PG = 'postgres://sitrep:secret-pw@db.internal:5432/sitrep';

describe('storage and cluster settings from the environment', () => {
  it('keeps rooms in SQLite unless a PostgreSQL URL is given', () => {
    expect(serverConfigFromEnv({}).databaseUrl).toBeUndefined();
    expect(serverConfigFromEnv({ SITREP_DATABASE_URL: PG }).databaseUrl).toBe(PG);
    expect(serverConfigFromEnv({ SITREP_DATABASE_URL: 'postgresql://db/x' }).databaseUrl).toBe('postgresql://db/x');
  });

  it('refuses a database URL that is not PostgreSQL, without printing its password', () => {
    const refusal = () => serverConfigFromEnv({ SITREP_DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(refusal).toThrow(/SITREP_DATABASE_URL: expected postgres:\/\/user:password@host:port\/database, got "mysql:\/\/root:\*\*\*@db\/x"/);
    expect(refusal).not.toThrow(/hunter2/);
  });

  it('bounds the rooms kept in storage', () => {
    expect(serverConfigFromEnv({}).maxStoredRooms).toBe(DEFAULT_MAX_STORED_ROOMS);
    expect(serverConfigFromEnv({ SITREP_MAX_ROOMS: '20' }).maxStoredRooms).toBe(20);
    expect(() => serverConfigFromEnv({ SITREP_MAX_ROOMS: '0' })).toThrow(/SITREP_MAX_ROOMS: expected a whole number from 1 to 1000000, got "0"/);
  });

  it('runs as one of several nodes only with a shared database and a shared presenter key, and says why', () => {
    expect(serverConfigFromEnv({}).redisUrl).toBeUndefined();
    const full = { SITREP_REDIS_URL: 'redis://cache:6379', SITREP_DATABASE_URL: PG, SITREP_PRESENTER_KEY: KEY };
    expect(serverConfigFromEnv(full).redisUrl).toBe('redis://cache:6379');
    expect(() => serverConfigFromEnv({ ...full, SITREP_DATABASE_URL: '' })).toThrow(/SITREP_DATABASE_URL is not: several nodes share their rooms and decks through PostgreSQL/);
    expect(() => serverConfigFromEnv({ ...full, SITREP_PRESENTER_KEY: '' })).toThrow(/SITREP_PRESENTER_KEY is not: every node must hold the same key/);
    expect(() => serverConfigFromEnv({ ...full, SITREP_REDIS_URL: 'http://cache' })).toThrow(/SITREP_REDIS_URL: expected redis:\/\/host:port/);
  });
});
