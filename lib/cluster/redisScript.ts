import { createHash } from 'node:crypto';
import type { RedisClientType } from 'redis';

/** The client the cluster modules share with the server (created and connected there). */
export type SharedRedis = RedisClientType;

/**
 * A command that cannot be sent within this long (Redis unreachable, the client reconnecting) is rejected instead of
 * being queued: a caller that waits on Redis must learn it cannot reach it, and a command queued offline would run
 * late, after its caller gave up. A command already sent is not timed out (it may have run): its reply or the loss of
 * the connection settles it.
 */
export const DEFAULT_SEND_TIMEOUT_MS = 1_000;

/** The client with a bound on how long a command may wait to be sent. */
export function boundedClient(client: SharedRedis, sendTimeoutMs = DEFAULT_SEND_TIMEOUT_MS): SharedRedis {
  return client.withCommandOptions({ timeout: sendTimeoutMs }) as SharedRedis;
}

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded again with EVAL when Redis does not know it — after a restart, or on
 * first use. The scripts are atomic: Redis runs nothing else while one runs.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: SharedRedis, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await client.evalSha(this.sha, { keys, arguments: args });
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, { keys, arguments: args });
    }
  }
}
