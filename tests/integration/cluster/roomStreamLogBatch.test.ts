import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RoomLease, leaseValue, type LeaseFence } from '@/lib/cluster/roomLease';
import { roomKeys } from '@/lib/cluster/roomKeys';
import { RoomStreamLog } from '@/lib/cluster/roomStreamLog';
import { APPEND_FENCED } from '@/lib/cluster/roomStreamScripts';
import { DEFAULT_RETENTION_WALL_MS, type ResumeResult } from '@/lib/replay/messageLog';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplayMessageBody } from '@/lib/replay/replayMessages';
import type { ControlAck } from '@/lib/realtime/protocol';
import { redisPerTestFile } from '../../helpers/localRedisClients';
import { clockMessage, sampleHead, sampleMessages } from './replayMessageSamples';

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

const clocks = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => clockMessage(from + i));
const seqs = (result: ResumeResult<ReplayMessageBody>): number[] | 'gap' => (result.kind === 'gap' ? 'gap' : result.messages.map((m) => m.seq));
const ACK: ControlAck = { ok: true, seq: 4 };

/** A log of `r1` holding messages 1..3, written by node a. */
async function logOfThree(): Promise<{ fence: LeaseFence; epoch: string }> {
  const fence = await acquire('r1', 'a');
  const started = await log.append('r1', fence, 'new', clocks(1, 3));
  if (started.kind !== 'appended') throw new Error(started.kind);
  return { fence, epoch: started.epoch };
}

describe('RoomStreamLog: a batch is appended whole or not at all', () => {
  it('appends a batch in order, starting a new log at its first seq or continuing one', async () => {
    const fence = await acquire('r1', 'a');
    const messages = sampleMessages().map((m) => ({ ...m, seq: m.seq + 10 }));
    const started = await log.append('r1', fence, 'new', messages.slice(0, 3));
    if (started.kind !== 'appended') throw new Error(started.kind);
    expect(await log.append('r1', fence, { epoch: started.epoch }, messages.slice(3))).toEqual(started);
    expect(await log.since('r1', 10, started.epoch)).toEqual({ kind: 'messages', messages });
    expect(await log.last('r1')).toEqual({ epoch: started.epoch, seq: 14, message: messages[3] });
  });

  it('writes nothing when the batch does not follow the log, or a seq inside it does not run on', async () => {
    const { fence, epoch } = await logOfThree();
    expect(await log.append('r1', fence, { epoch }, clocks(5, 7))).toEqual({ kind: 'out_of_order', lastSeq: 3 });
    expect(await log.append('r1', fence, { epoch }, clocks(3, 5))).toEqual({ kind: 'out_of_order', lastSeq: 3 });
    await expect(log.append('r1', fence, { epoch }, [clockMessage(4), clockMessage(5), clockMessage(7)])).rejects.toThrow(/run on by one/);
    await expect(log.append('r1', fence, 'new', [clockMessage(4), clockMessage(4)])).rejects.toThrow(RangeError);
    // The script checks the whole batch before writing too (a half-written batch would fork the room's story).
    const keys = roomKeys('r1');
    const args = [leaseValue(fence), String(fence.token), epoch, String(clock.now()), '1000', '100', '60000', JSON.stringify(sampleHead(1)), JSON.stringify(ACK)];
    const batch = [4, 5, 7].flatMap((seq) => [String(seq), JSON.stringify(clockMessage(seq))]);
    expect(await APPEND_FENCED.run(redis.admin, [keys.lease, keys.log, keys.logMeta, keys.command('c1')], [...args, ...batch])).toEqual(['out_of_order', '3']);
    expect(seqs(await log.since('r1', 0, epoch))).toEqual([1, 2, 3]);
    expect(await redis.admin.xLen(keys.log)).toBe(3);
    expect(await log.head('r1')).toBeUndefined();
    expect(await log.answeredCommand('r1', 'c1')).toBeUndefined();
  });

  it('writes nothing for a fenced batch or a batch to another epoch, head and command record included', async () => {
    const { fence, epoch } = await logOfThree();
    const extras = { head: sampleHead(2), command: { id: 'c1', ack: ACK } };
    expect(await log.append('r1', { ...fence, token: fence.token - 1 }, { epoch }, clocks(4, 5), extras)).toEqual({ kind: 'fenced' });
    expect(await log.append('r1', fence, { epoch: `${epoch}x` }, clocks(4, 5), extras)).toEqual({ kind: 'epoch_changed', epoch, lastSeq: 3 });
    expect(await log.append('r1', fence, 'new', clocks(4, 5), extras)).toEqual({ kind: 'epoch_changed', epoch, lastSeq: 3 });
    expect(await log.append('r1', fence, { epoch }, clocks(5, 6), extras)).toEqual({ kind: 'out_of_order', lastSeq: 3 });
    expect(seqs(await log.since('r1', 0, epoch))).toEqual([1, 2, 3]);
    expect(await log.head('r1')).toBeUndefined();
    expect(await log.answeredCommand('r1', 'c1')).toBeUndefined();
    expect(await redis.admin.keys('sitrep:room:{r1}:command:*')).toEqual([]);
  });

  it('refuses an empty batch without a head, and a head alone for a new log', async () => {
    const { fence, epoch } = await logOfThree();
    await expect(log.append('r1', fence, { epoch }, [])).rejects.toThrow(RangeError);
    await expect(log.append('r1', fence, { epoch }, [], { command: { id: 'c1', ack: ACK } })).rejects.toThrow(RangeError);
    await redis.admin.del([roomKeys('r1').log, roomKeys('r1').logMeta]);
    await expect(log.append('r1', fence, 'new', [], { head: sampleHead(0) })).rejects.toThrow(RangeError);
    expect(await log.last('r1')).toBeUndefined();
  });
});

describe("RoomStreamLog: the room's head", () => {
  it('is stored at the last seq of the batch that carries it, and kept until another one replaces it', async () => {
    const fence = await acquire('r1', 'a');
    const started = await log.append('r1', fence, 'new', clocks(1, 2), { head: sampleHead(1) });
    if (started.kind !== 'appended') throw new Error(started.kind);
    const { epoch } = started;
    expect(await log.head('r1')).toEqual({ epoch, seq: 2, head: sampleHead(1) });
    await log.append('r1', fence, { epoch }, clocks(3, 4));
    expect(await log.head('r1')).toEqual({ epoch, seq: 2, head: sampleHead(1) });
    await log.append('r1', fence, { epoch }, clocks(5, 5), { head: sampleHead(3, 7) });
    expect(await log.head('r1')).toEqual({ epoch, seq: 5, head: sampleHead(3, 7) });
  });

  it('is updated alone (no message) at the log\'s last seq, fenced and epoch-checked, with no seq check', async () => {
    const { fence, epoch } = await logOfThree();
    expect(await log.append('r1', fence, { epoch }, [], { head: sampleHead(2) })).toEqual({ kind: 'appended', epoch });
    expect(await log.head('r1')).toEqual({ epoch, seq: 3, head: sampleHead(2) });
    expect(await log.last('r1')).toEqual({ epoch, seq: 3, message: clockMessage(3) });
    expect(await log.append('r1', { ...fence, nodeId: 'b' }, { epoch }, [], { head: sampleHead(9) })).toEqual({ kind: 'fenced' });
    expect(await log.append('r1', fence, { epoch: 'other' }, [], { head: sampleHead(9) })).toEqual({ kind: 'epoch_changed', epoch, lastSeq: 3 });
    expect(await log.head('r1')).toEqual({ epoch, seq: 3, head: sampleHead(2) });
    // The log goes on after a head-only update as before.
    expect(await log.append('r1', fence, { epoch }, clocks(4, 4))).toEqual({ kind: 'appended', epoch });
    expect(seqs(await log.since('r1', 0, epoch))).toEqual([1, 2, 3, 4]);
  });

  it('is undefined without a log, and in a new log until one is stored', async () => {
    expect(await log.head('r1')).toBeUndefined();
    const fence = await acquire('r1', 'a');
    await log.append('r1', fence, 'new', clocks(1, 1), { head: sampleHead(0) });
    await redis.admin.del([roomKeys('r1').log, roomKeys('r1').logMeta]);
    expect(await log.head('r1')).toBeUndefined();
    const again = await log.append('r1', fence, 'new', clocks(1, 1));
    expect(again.kind).toBe('appended');
    expect(await log.head('r1')).toBeUndefined();
  });
});

describe("RoomStreamLog: a control's answer", () => {
  it('is stored with the batch that carries the effect, or with a head alone, and read back as it was', async () => {
    const { fence, epoch } = await logOfThree();
    const refused: ControlAck = { ok: false, error: { code: 'out_of_range', message: 'seek target must be inside the story' } };
    expect(await log.append('r1', fence, { epoch }, clocks(4, 4), { head: sampleHead(1), command: { id: 'seek-1', ack: ACK } })).toEqual({ kind: 'appended', epoch });
    expect(await log.append('r1', fence, { epoch }, [], { head: sampleHead(1), command: { id: 'a:b{c}', ack: refused } })).toEqual({ kind: 'appended', epoch });
    expect(await log.answeredCommand('r1', 'seek-1')).toEqual(ACK);
    expect(await log.answeredCommand('r1', 'a:b{c}')).toEqual(refused);
    expect(await log.answeredCommand('r1', 'seek-2')).toBeUndefined();
    expect(await log.answeredCommand('r2', 'seek-1')).toBeUndefined();
  });

  it('expires with the retention', async () => {
    const retentionWallMs = 300;
    const short = new RoomStreamLog(await redis.client(), { clock, retentionWallMs });
    const fence = await acquire('r1', 'a');
    await short.append('r1', fence, 'new', clocks(1, 1), { command: { id: 'c1', ack: ACK } });
    const ttlMs = await redis.admin.pTTL(roomKeys('r1').command('c1'));
    expect(ttlMs).toBeGreaterThan(0);
    expect(ttlMs).toBeLessThanOrEqual(retentionWallMs);
    expect(await short.answeredCommand('r1', 'c1')).toEqual(ACK);
    await expect.poll(() => short.answeredCommand('r1', 'c1'), { timeout: 5_000, interval: 50 }).toBeUndefined();
    expect(seqs(await short.since('r1', 0, (await short.last('r1'))!.epoch))).toEqual([1]);
  });

  it('takes the command ids the protocol takes (1 to 64 characters)', async () => {
    const { fence, epoch } = await logOfThree();
    await expect(log.answeredCommand('r1', '')).rejects.toThrow(RangeError);
    await expect(log.answeredCommand('r1', 'x'.repeat(65))).rejects.toThrow(RangeError);
    await expect(log.append('r1', fence, { epoch }, clocks(4, 4), { command: { id: '', ack: ACK } })).rejects.toThrow(RangeError);
    expect(await log.append('r1', fence, { epoch }, clocks(4, 4), { command: { id: 'x'.repeat(64), ack: ACK } })).toEqual({ kind: 'appended', epoch });
    expect(await log.answeredCommand('r1', 'x'.repeat(64))).toEqual(ACK);
  });
});
