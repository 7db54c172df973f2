import { beforeEach, describe, expect, it } from 'vitest';
import { RoomLease } from '@/lib/cluster/roomLease';
import { roomKeys } from '@/lib/cluster/roomKeys';
import { RoomStreamLog } from '@/lib/cluster/roomStreamLog';
import { CorruptRoomRecordError } from '@/lib/cluster/storedRoomRecord';
import { ManualClock } from '@/lib/replay/manualClock';
import { redisPerTestFile } from '../../helpers/localRedisClients';
import { clockMessage, sampleHead } from './replayMessageSamples';

const redis = redisPerTestFile();

let log: RoomStreamLog;

beforeEach(async () => {
  log = new RoomStreamLog(await redis.client(), { clock: new ManualClock(Date.UTC(2026, 0, 1)) });
  const grant = (await new RoomLease(redis.admin).acquire('r1', 'a', 60_000))!;
  const appended = await log.append('r1', { nodeId: 'a', token: grant.token }, 'new', [clockMessage(1)], { head: sampleHead(0), command: { id: 'c1', ack: { ok: true, seq: 1 } } });
  expect(appended.kind).toBe('appended');
});

const head = sampleHead(0);

describe("RoomStreamLog reading a corrupt head, naming the room and the field", () => {
  const cases: { name: string; fields: Record<string, string>; field: string }[] = [
    { name: 'a head that is not JSON', fields: { head: '{"scenarioId"' }, field: 'head' },
    { name: 'a head without its clock', fields: { head: JSON.stringify({ ...head, clock: undefined }) }, field: 'head.clock' },
    { name: 'a head with a clock of an unknown status', fields: { head: JSON.stringify({ ...head, clock: { ...head.clock, status: 'rewinding' } }) }, field: 'head.clock.status' },
    { name: 'a head with a negative released count', fields: { head: JSON.stringify({ ...head, released: -1 }) }, field: 'head.released' },
    { name: 'a head with an unknown chart', fields: { head: JSON.stringify({ ...head, presentation: { ...head.presentation, chart: 'pie' } }) }, field: 'head.presentation.chart' },
    { name: 'a head with a field too many', fields: { head: JSON.stringify({ ...head, owner: 'b' }) }, field: 'head' },
    { name: 'a head seq that is not a number', fields: { headSeq: 'one' }, field: 'headSeq' },
    { name: 'a head seq of 0', fields: { headSeq: '0' }, field: 'headSeq' },
  ];
  for (const { name, fields, field } of cases) {
    it(`rejects ${name}`, async () => {
      await redis.admin.hSet(roomKeys('r1').logMeta, fields);
      const reading = log.head('r1');
      await expect(reading).rejects.toThrow(CorruptRoomRecordError);
      await expect(reading).rejects.toMatchObject({ roomId: 'r1', field });
      await expect(reading).rejects.toThrow(new RegExp(`Room r1: the stored "${field.replace('.', '\\.')}" is corrupt`));
    });
  }

  it('rejects a head without its seq', async () => {
    await redis.admin.hDel(roomKeys('r1').logMeta, 'headSeq');
    await expect(log.head('r1')).rejects.toMatchObject({ roomId: 'r1', field: 'headSeq' });
  });
});

describe("RoomStreamLog reading a corrupt control answer, naming the room, the command and the field", () => {
  const cases: { name: string; raw: string; field: string }[] = [
    { name: 'not JSON', raw: 'ok', field: 'command:c1' },
    { name: 'an answer without ok', raw: JSON.stringify({ seq: 3 }), field: 'command:c1.ok' },
    { name: 'an accepted answer without its seq', raw: JSON.stringify({ ok: true }), field: 'command:c1.seq' },
    { name: 'a refusal with an unknown code', raw: JSON.stringify({ ok: false, error: { code: 'teapot', message: 'x' } }), field: 'command:c1.error.code' },
  ];
  for (const { name, raw, field } of cases) {
    it(`rejects ${name}`, async () => {
      await redis.admin.set(roomKeys('r1').command('c1'), raw);
      await expect(log.answeredCommand('r1', 'c1')).rejects.toMatchObject({ name: 'CorruptRoomRecordError', roomId: 'r1', field });
    });
  }
});
