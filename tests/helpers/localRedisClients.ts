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

export async function startRedisForTests(): Promise<RedisForTests> {
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
