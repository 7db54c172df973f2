import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RoomLease, type LeaseFence } from '@/lib/cluster/roomLease';
import { roomKeys } from '@/lib/cluster/roomKeys';
import { CLOCK_SKEW_ALLOWANCE_MS, RoomStreamLog, type RoomStreamLogOptions } from '@/lib/cluster/roomStreamLog';
import { CorruptLogEntryError } from '@/lib/cluster/storedReplayMessage';
import { DEFAULT_RETENTION_WALL_MS, type ResumeResult } from '@/lib/replay/messageLog';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplayMessageBody } from '@/lib/replay/replayMessages';
import { redisPerTestFile } from '../../helpers/localRedisClients';
import { clockMessage } from './replayMessageSamples';

const TTL_MS = 60_000;
const START_MS = Date.UTC(2026, 0, 1);

const redis = redisPerTestFile();

let lease: RoomLease;
let clock: ManualClock;

beforeAll(async () => {
  lease = new RoomLease(await redis.client());
});
beforeEach(async () => {
  clock = new ManualClock(START_MS);
});

const seqs = (result: ResumeResult<ReplayMessageBody>): number[] | 'gap' => (result.kind === 'gap' ? 'gap' : result.messages.map((m) => m.seq));
const newLog = async (options: Partial<RoomStreamLogOptions> = {}) => new RoomStreamLog(await redis.client(), { clock, retentionWallMs: DEFAULT_RETENTION_WALL_MS, ...options });

/** A lease for `roomId` and a writer that appends the next seq of one log. */
async function writer(log: RoomStreamLog, roomId: string) {
  const grant = (await lease.acquire(roomId, 'a', TTL_MS))!;
  const fence: LeaseFence = { nodeId: 'a', token: grant.token };
  let epoch: string | undefined;
  let seq = 0;
  return {
    fence,
    get epoch() {
      return epoch as string;
    },
    async append(count = 1) {
      for (let i = 0; i < count; i++) {
        const result = await log.append(roomId, fence, epoch === undefined ? 'new' : { epoch }, [clockMessage(++seq)]);
        if (result.kind !== 'appended') throw new Error(`append ${seq} was ${result.kind}`);
        epoch = result.epoch;
      }
    },
  };
}

describe('RoomStreamLog retention', () => {
  it('keeps two minutes of messages, and reports a gap for what is older', async () => {
    const log = await newLog();
    const w = await writer(log, 'r1');
    await w.append(5); // 1..5 at 0 s
    clock.advance(60_000);
    await w.append(2); // 6, 7 at 60 s
    clock.advanceTo(START_MS + DEFAULT_RETENTION_WALL_MS);
    await w.append(); // 8 at 120 s: the first five are exactly two minutes old, and kept
    expect(seqs(await log.since('r1', 0, w.epoch))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    clock.advance(1);
    await w.append(); // 9: now they are older
    expect(seqs(await log.since('r1', 0, w.epoch))).toBe('gap');
    expect(seqs(await log.since('r1', 4, w.epoch))).toBe('gap');
    expect(seqs(await log.since('r1', 5, w.epoch))).toEqual([6, 7, 8, 9]);
    expect(await log.oldestSeq('r1')).toBe(6);
  });

  it('trims a long backlog in one append, never the message just added', async () => {
    const log = await newLog();
    const w = await writer(log, 'r1');
    await w.append(1_000);
    clock.advance(3 * 60_000);
    await w.append();
    expect(await log.oldestSeq('r1')).toBe(1_001);
    expect(seqs(await log.since('r1', 1_000, w.epoch))).toEqual([1_001]);
    expect((await log.last('r1'))?.seq).toBe(1_001);
  });

  it('by default keeps the two minutes plus an allowance for clock skew between nodes', async () => {
    const log = await newLog({ retentionWallMs: undefined });
    const w = await writer(log, 'r1');
    await w.append();
    clock.advance(DEFAULT_RETENTION_WALL_MS + CLOCK_SKEW_ALLOWANCE_MS);
    await w.append();
    expect(seqs(await log.since('r1', 0, w.epoch))).toEqual([1, 2]);
  });

  it('never stamps an entry earlier than the one before (a new owner whose clock is behind)', async () => {
    const w = await writer(await newLog(), 'r1');
    clock.advance(90_000);
    await w.append(2);
    const behind = new RoomStreamLog(await redis.client(), { clock: new ManualClock(START_MS), retentionWallMs: DEFAULT_RETENTION_WALL_MS });
    expect(await behind.append('r1', w.fence, { epoch: w.epoch }, [clockMessage(3)])).toEqual({ kind: 'appended', epoch: w.epoch });
    const stamps = (await redis.admin.xRange(roomKeys('r1').log, '-', '+'))?.map((entry) => Number(entry.message.t));
    expect(stamps).toEqual([START_MS + 90_000, START_MS + 90_000, START_MS + 90_000]);
  });

  it('holds at most maxEntries messages', async () => {
    const log = await newLog({ maxEntries: 10 });
    const w = await writer(log, 'r1');
    await w.append(25);
    expect(await log.oldestSeq('r1')).toBe(16);
    expect(seqs(await log.since('r1', 15, w.epoch))).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });
});

describe('RoomStreamLog reading a corrupt entry', () => {
  const cases: { name: string; fields: Record<string, string>; field: string }[] = [
    { name: 'not JSON', fields: { m: 'not json', t: '0' }, field: 'm' },
    { name: 'no message field', fields: { t: '0' }, field: 'm' },
    { name: 'an unknown kind', fields: { m: JSON.stringify({ kind: 'weather', seq: 3 }), t: '0' }, field: 'kind' },
    { name: 'a clock message without its clock', fields: { m: JSON.stringify({ kind: 'clock', seq: 3 }), t: '0' }, field: 'clock' },
    { name: 'a jump with a negative count', fields: { m: JSON.stringify({ ...clockMessage(3), kind: 'jump', released: -1 }), t: '0' }, field: 'released' },
    { name: 'a seq other than its id', fields: { m: JSON.stringify(clockMessage(7)), t: '0' }, field: 'seq' },
  ];
  for (const { name, fields, field } of cases) {
    it(`rejects ${name}, naming the room, the seq and the field`, async () => {
      const log = await newLog();
      const w = await writer(log, 'r1');
      await w.append(2);
      await redis.admin.xAdd(roomKeys('r1').log, '3-0', fields);
      await redis.admin.hSet(roomKeys('r1').logMeta, 'lastSeq', '3');
      const reading = log.since('r1', 1, w.epoch);
      await expect(reading).rejects.toThrow(CorruptLogEntryError);
      await expect(reading).rejects.toMatchObject({ roomId: 'r1', seq: 3, field });
      await expect(reading).rejects.toThrow(/Room r1.*message 3/);
      await expect(log.last('r1')).rejects.toThrow(CorruptLogEntryError);
    });
  }
});

describe('RoomStreamLog across a Redis restart (memory wiped) and while Redis is down', () => {
  it('reports a gap to every resume, fences the old owner, and starts a new epoch for the next owner', async () => {
    const log = await newLog();
    const w = await writer(log, 'r1');
    await w.append(5);
    await redis.server.restart();
    await redis.allReady();
    expect(seqs(await log.since('r1', 3, w.epoch))).toBe('gap');
    expect(await log.last('r1')).toBeUndefined();
    expect(await log.append('r1', w.fence, { epoch: w.epoch }, [clockMessage(6)])).toEqual({ kind: 'fenced' });
    const grant = (await lease.acquire('r1', 'b', TTL_MS))!;
    expect(grant.token).toBeGreaterThan(w.fence.token);
    const b: LeaseFence = { nodeId: 'b', token: grant.token };
    expect(await log.append('r1', b, { epoch: w.epoch }, [clockMessage(6)])).toEqual({ kind: 'epoch_changed', epoch: undefined, lastSeq: undefined });
    const restarted = await log.append('r1', b, 'new', [clockMessage(6)]);
    if (restarted.kind !== 'appended') throw new Error(restarted.kind);
    expect(restarted.epoch).not.toBe(w.epoch);
    expect(seqs(await log.since('r1', 5, w.epoch))).toBe('gap');
    expect(seqs(await log.since('r1', 5, restarted.epoch))).toEqual([6]);
    expect(seqs(await log.since('r1', 0, restarted.epoch))).toBe('gap');
  });

  it('rejects every call while Redis is down', async () => {
    const log = await newLog({ sendTimeoutMs: 200 });
    const w = await writer(log, 'r1');
    await w.append(2);
    await redis.server.kill();
    try {
      await expect(log.append('r1', w.fence, { epoch: w.epoch }, [clockMessage(3)])).rejects.toThrow();
      await expect(log.since('r1', 1, w.epoch)).rejects.toThrow();
      await expect(log.last('r1')).rejects.toThrow();
    } finally {
      await redis.server.start();
      await redis.allReady();
    }
  });
});
