import { afterAll, beforeAll, beforeEach } from 'vitest';
import { once } from 'node:events';
import { createClient } from 'redis';
import type { SharedRedis } from '@/lib/cluster/redisScript';
import { startLocalRedis, type LocalRedis } from '@/scripts/lib/localServices/redisServer';

/** A throwaway redis-server and the clients connected to it ("nodes"), all closed by `stop()`. */
export interface RedisForTests {
  readonly server: LocalRedis;
  /** A new connected client; it reconnects on its own after a restart (every 50 ms). */
  client(): Promise<SharedRedis>;
  /** Resolves once every client is connected again (after a restart or start). */
  allReady(): Promise<void>;
  stop(): Promise<void>;
}

const RECONNECT_EVERY_MS = 50;

async function startRedisForTests(): Promise<RedisForTests> {
  const server = await startLocalRedis();
  const clients: SharedRedis[] = [];
  return {
    server,
    async client() {
      const client: SharedRedis = createClient({ url: server.url, socket: { reconnectStrategy: () => RECONNECT_EVERY_MS } });
      // Errors surface as rejected commands; the 'error' events of a lost connection are expected in these tests.
      client.on('error', () => {});
      await client.connect();
      clients.push(client);
      return client;
    },
    async allReady() {
      await Promise.all(clients.filter((c) => !c.isReady).map((c) => once(c, 'ready')));
    },
    async stop() {
      for (const client of clients) client.destroy();
      await server.stop();
    },
  };
}

/** The file's redis-server as its tests see it: clients on it, its admin client, the server itself. */
export interface RedisOfFile {
  client(): Promise<SharedRedis>;
  allReady(): Promise<void>;
  readonly server: LocalRedis;
  /** A client for checks and clean-up. */
  readonly admin: SharedRedis;
}

/**
 * Starts a throwaway redis-server for the test file (beforeAll), empties it before each test and stops it after
 * (afterAll). Call it at the top of the file, before the file's own hooks, which then run after these.
 */
export function redisPerTestFile(): RedisOfFile {
  let started: RedisForTests | undefined;
  let admin: SharedRedis | undefined;
  const running = (): RedisForTests => {
    if (!started) throw new Error('the redis-server of this file is not started yet (use it inside tests and hooks)');
    return started;
  };
  beforeAll(async () => {
    started = await startRedisForTests();
    admin = await started.client();
  });
  afterAll(() => started?.stop());
  beforeEach(async () => {
    await admin?.flushAll();
  });
  return {
    client: () => running().client(),
    allReady: () => running().allReady(),
    get server() {
      return running().server;
    },
    get admin() {
      if (!admin) throw new Error('the redis-server of this file is not started yet');
      return admin;
    },
  };
}
