import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RoomLease, type LeaseFence } from '@/lib/cluster/roomLease';
import { RoomStreamLog } from '@/lib/cluster/roomStreamLog';
import { DEFAULT_RETENTION_WALL_MS } from '@/lib/replay/messageLog';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ResumeResult } from '@/lib/replay/messageLog';
import type { ReplayMessage, ReplayMessageBody } from '@/lib/replay/replayMessages';
import { redisPerTestFile } from '../../helpers/localRedisClients';
import { clockMessage, sampleMessages } from './replayMessageSamples';

const TTL_MS = 60_000;

const redis = redisPerTestFile();

let lease: RoomLease;
let clock: ManualClock;
let log: RoomStreamLog;

beforeAll(async () => {
  lease = new RoomLease(await redis.client());
});
beforeEach(async () => {
  clock = new ManualClock(Date.UTC(2026, 0, 1));
  log = new RoomStreamLog(await redis.client(), { clock, retentionWallMs: DEFAULT_RETENTION_WALL_MS });
});

async function acquire(roomId: string, nodeId: string): Promise<LeaseFence> {
  const grant = await lease.acquire(roomId, nodeId, TTL_MS);
  if (!grant) throw new Error(`${nodeId} did not get the lease of ${roomId}`);
  return { nodeId, token: grant.token };
}

/** Starts a log for `roomId` with messages 1..count (clock messages), returning its epoch. */
async function startLog(roomId: string, fence: LeaseFence, count: number): Promise<string> {
  const first = await log.append(roomId, fence, 'new', [clockMessage(1)]);
  if (first.kind !== 'appended') throw new Error(`could not start the log: ${first.kind}`);
  for (let seq = 2; seq <= count; seq++) expect(await log.append(roomId, fence, { epoch: first.epoch }, [clockMessage(seq)])).toEqual(first);
  return first.epoch;
}

const seqs = (result: ResumeResult<ReplayMessageBody>): number[] | 'gap' => (result.kind === 'gap' ? 'gap' : result.messages.map((m) => m.seq));

describe('RoomStreamLog: append and read back', () => {
  it('keeps every kind of replay message as it was, numbered, and reads back what follows a seq', async () => {
    const fence = await acquire('r1', 'a');
    const messages: ReplayMessage[] = sampleMessages();
    const started = await log.append('r1', fence, 'new', [messages[0]!]);
    expect(started.kind).toBe('appended');
    const epoch = started.kind === 'appended' ? started.epoch : '';
    for (const message of messages.slice(1)) expect((await log.append('r1', fence, { epoch }, [message])).kind).toBe('appended');
    expect(await log.since('r1', 0, epoch)).toEqual({ kind: 'messages', messages });
    expect(await log.since('r1', 2, epoch)).toEqual({ kind: 'messages', messages: messages.slice(2) });
    expect(await log.since('r1', messages.length, epoch)).toEqual({ kind: 'messages', messages: [] });
    expect(await log.last('r1')).toEqual({ epoch, seq: messages.length, message: messages.at(-1) });
  });

  it('reports a gap for another epoch, a seq ahead of the log, a bad seq, or a room without a log', async () => {
    const epoch = await startLog('r1', await acquire('r1', 'a'), 3);
    expect(seqs(await log.since('r1', 1, `${epoch}x`))).toBe('gap');
    expect(seqs(await log.since('r1', 4, epoch))).toBe('gap');
    expect(seqs(await log.since('r1', -1, epoch))).toBe('gap');
    expect(seqs(await log.since('r1', 1.5, epoch))).toBe('gap');
    expect(seqs(await log.since('nothing', 0, epoch))).toBe('gap');
    expect(await log.last('nothing')).toBeUndefined();
  });

  it('starts a log at any seq, refuses to start a second one over it, and gives each new log a new epoch', async () => {
    const fence = await acquire('r1', 'a');
    const started = await log.append('r1', fence, 'new', [clockMessage(41)]);
    expect(started.kind).toBe('appended');
    expect(await log.append('r1', fence, 'new', [clockMessage(1)])).toEqual({ kind: 'epoch_changed', epoch: (started as { epoch: string }).epoch, lastSeq: 41 });
    await redis.admin.del(['sitrep:room:{r1}:log', 'sitrep:room:{r1}:log-meta']);
    const again = await log.append('r1', fence, 'new', [clockMessage(1)]);
    expect(again.kind).toBe('appended');
    expect((again as { epoch: string }).epoch).not.toBe((started as { epoch: string }).epoch);
  });
});

describe('RoomStreamLog: fencing and order', () => {
  it('refuses a writer that does not hold the lease, or holds an older token', async () => {
    const a = await acquire('r1', 'a');
    const epoch = await startLog('r1', a, 2);
    expect(await log.append('r1', { nodeId: 'b', token: a.token }, { epoch }, [clockMessage(3)])).toEqual({ kind: 'fenced' });
    expect(await log.append('r1', { nodeId: 'a', token: a.token - 1 }, { epoch }, [clockMessage(3)])).toEqual({ kind: 'fenced' });
    await lease.release('r1', 'a', a.token);
    expect(await log.append('r1', a, { epoch }, [clockMessage(3)])).toEqual({ kind: 'fenced' });
    const b = await acquire('r1', 'b');
    expect(await log.append('r1', a, { epoch }, [clockMessage(3)])).toEqual({ kind: 'fenced' });
    expect(await log.append('r1', b, { epoch }, [clockMessage(3)])).toEqual({ kind: 'appended', epoch });
    expect(seqs(await log.since('r1', 0, epoch))).toEqual([1, 2, 3]);
  });

  it('refuses a seq that is not the last + 1: no reuse, no hole', async () => {
    const a = await acquire('r1', 'a');
    const epoch = await startLog('r1', a, 3);
    for (const seq of [1, 3, 5]) expect(await log.append('r1', a, { epoch }, [clockMessage(seq)])).toEqual({ kind: 'out_of_order', lastSeq: 3 });
    expect(seqs(await log.since('r1', 0, epoch))).toEqual([1, 2, 3]);
    await expect(log.append('r1', a, { epoch }, [clockMessage(0)])).rejects.toThrow(RangeError);
  });

  it('two writers racing 500 appends each, with their own view of seq, leave every seq exactly once and in order', async () => {
    // Both pass the fence (same node and token: the worst case of a node whose room got opened twice); only the seq
    // check stands between them and a fork.
    const fence = await acquire('race', 'a');
    const epoch = await startLog('race', fence, 1);
    const writers = await Promise.all(['w1', 'w2'].map(async () => new RoomStreamLog(await redis.client(), { clock })));
    let refused = 0;
    const written = await Promise.all(
      writers.map(async (writer, w) => {
        let nextSeq = 2;
        const mine: number[] = [];
        while (mine.length < 500) {
          const result = await writer.append('race', fence, { epoch }, [clockMessage(nextSeq, w)]);
          if (result.kind === 'appended') mine.push(nextSeq++);
          else if (result.kind === 'out_of_order') {
            refused++;
            nextSeq = result.lastSeq + 1;
          } else throw new Error(`unexpected ${result.kind}`);
        }
        return mine;
      }),
    );
    const logged = await log.since('race', 0, epoch);
    if (logged.kind === 'gap') throw new Error('unexpected gap');
    expect(logged.messages.map((m) => m.seq)).toEqual(Array.from({ length: 1_001 }, (_, i) => i + 1));
    // Each logged message is the one its writer says it wrote under that seq.
    const writerOf = new Map(written.flatMap((mine, w) => mine.map((seq) => [seq, w] as const)));
    expect(writerOf.size).toBe(1_000);
    // The race was real: writers collided on a seq and one was refused.
    expect(refused).toBeGreaterThan(0);
    for (const message of logged.messages.slice(1)) expect(message).toEqual(clockMessage(message.seq, writerOf.get(message.seq)));
  });

  it('two nodes trading the lease while racing appends never fork the seq', async () => {
    const nodes = await Promise.all(['a', 'b'].map(async (nodeId) => ({ nodeId, lease: new RoomLease(await redis.client()), log: new RoomStreamLog(await redis.client(), { clock }) })));
    let fenced = 0;
    const appendedBy = await Promise.all(
      nodes.map(async (node) => {
        const mine: number[] = [];
        let fence: LeaseFence | undefined;
        let epoch: string | 'new' = 'new';
        let nextSeq = 1;
        for (let attempt = 0; attempt < 3_000 && mine.length < 150; attempt++) {
          if (!fence) {
            const grant = await node.lease.acquire('trade', node.nodeId, TTL_MS);
            if (!grant) continue;
            fence = { nodeId: node.nodeId, token: grant.token };
            const last = await node.log.last('trade');
            epoch = last ? last.epoch : 'new';
            nextSeq = last ? last.seq + 1 : 1;
          }
          const result = await node.log.append('trade', fence, epoch === 'new' ? 'new' : { epoch }, [clockMessage(nextSeq)]);
          if (result.kind === 'appended') {
            mine.push(nextSeq++);
            epoch = result.epoch;
            // Give the lease up every 10 messages, but go on as if still holding it (a node that missed its loss):
            // the next append must be fenced.
            if (mine.length % 10 === 0) await node.lease.release('trade', fence.nodeId, fence.token);
          } else if (result.kind !== 'fenced') throw new Error(`unexpected ${result.kind}`);
          else {
            fenced++;
            fence = undefined;
          }
        }
        return mine;
      }),
    );
    const last = (await log.last('trade'))!;
    const logged = await log.since('trade', 0, last.epoch);
    if (logged.kind === 'gap') throw new Error('unexpected gap');
    const all = appendedBy.flat().sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(logged.messages.map((m) => m.seq)).toEqual(all);
    expect(appendedBy.every((mine) => mine.length > 0)).toBe(true);
    // Every release but each node's last one is followed by a fenced append.
    expect(fenced).toBeGreaterThanOrEqual(all.length / 10 - 2);
  });
});
