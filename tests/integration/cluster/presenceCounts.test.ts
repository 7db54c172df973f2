import { describe, expect, it } from 'vitest';
import { PresenceCounts } from '@/lib/cluster/presenceCounts';
import { pollUntil } from '../../helpers/pollUntil';
import { redisPerTestFile } from '../../helpers/localRedisClients';

const LONG_HEARTBEAT_TTL_MS = 60_000;
const SHORT_HEARTBEAT_TTL_MS = 300;

const redis = redisPerTestFile();

const node = async (nodeId: string, heartbeatTtlMs = LONG_HEARTBEAT_TTL_MS) => {
  const presence = new PresenceCounts(await redis.client(), nodeId, { heartbeatTtlMs });
  await presence.heartbeat();
  return presence;
};

describe('PresenceCounts', () => {
  it('adds up the counts each node reports for a room, rooms apart, the latest report of a node counting', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.report('r1', 3);
    await b.report('r1', 4);
    await b.report('r2', 10);
    expect(await a.total('r1')).toBe(7);
    expect(await b.total('r2')).toBe(10);
    await a.report('r1', 1);
    expect(await b.total('r1')).toBe(5);
    await b.report('r1', 0);
    expect(await a.total('r1')).toBe(1);
    expect(await a.total('nobody')).toBe(0);
  });

  it('stops counting a node whose heartbeat expired, and counts it again when it heartbeats', async () => {
    const a = await node('a');
    const quiet = await node('quiet', SHORT_HEARTBEAT_TTL_MS);
    await a.report('r1', 2);
    await quiet.report('r1', 5);
    expect(await a.total('r1')).toBe(7);
    await pollUntil(async () => (await a.total('r1')) === 2, 'the quiet node to stop counting');
    await quiet.heartbeat();
    expect(await a.total('r1')).toBe(7);
  });

  it('does not count a node that reported but never heartbeat', async () => {
    const a = await node('a');
    const silent = new PresenceCounts(await redis.client(), 'silent');
    await a.report('r1', 2);
    await silent.report('r1', 9);
    expect(await a.total('r1')).toBe(2);
  });

  it('refuses a count that is not a whole number ≥ 0', async () => {
    const a = await node('a');
    await expect(a.report('r1', -1)).rejects.toThrow(RangeError);
    await expect(a.report('r1', 1.5)).rejects.toThrow(RangeError);
  });
});
