import { describe, expect, it } from 'vitest';
import type { RoomLeaseKeeper } from '@/lib/cluster/roomLeaseKeeper';
import type { RoomStreamLog } from '@/lib/cluster/roomStreamLog';
import { checkStoryTexts, type Story } from '@/lib/events/checkStory';
import type { ControlAck } from '@/lib/realtime/protocol';
import { MOVING_ROOM_ERROR, OwnedClusterRoom } from '@/lib/realtime/server/cluster/ownedClusterRoom';
import { OwnerPublisher } from '@/lib/realtime/server/cluster/ownerPublisher';
import { keyDigest } from '@/lib/realtime/server/presenterKeys';
import { ReplayRoom } from '@/lib/realtime/server/replayRoom';
import type { ReplayMessage } from '@/lib/replay/replayMessages';
import { ManualClock } from '@/lib/replay/manualClock';
import { generateStory } from '@/lib/synthetic/generateStory';

const synthetic = generateStory({ events: 5, seed: 3 });
const checked = checkStoryTexts({
  folder: synthetic.id,
  scenarioText: JSON.stringify(synthetic.scenario),
  eventsText: JSON.stringify(synthetic.events),
  sourceText: synthetic.article,
});
if (!checked.ok) throw new Error(`the synthetic story does not check: ${JSON.stringify(checked.problems[0])}`);
const story: Story = checked.story;
const FENCE = { nodeId: 'node-a', token: 7 };

/** An owned room playing, whose log appends at once and whose stored answers come when the test says. */
function ownedRoom() {
  const clock = new ManualClock(1_000);
  const appended: ReplayMessage[] = [];
  const lookups: ((answer: ControlAck | undefined) => void)[] = [];
  const log = {
    append: async (_roomId: string, _fence: unknown, _target: unknown, messages: readonly ReplayMessage[]) => {
      appended.push(...messages);
      return { kind: 'appended' as const, epoch: 'e1' };
    },
    since: async () => ({ kind: 'gap' as const }),
    answeredCommand: () => new Promise<ControlAck | undefined>((resolve) => lookups.push(resolve)),
  };
  const keeper = { canPublish: () => true, state: 'publishing' as const, fence: FENCE, stop: () => undefined };
  // The room emits nothing while it is built: its publisher is made right after it.
  const ref: { publisher?: OwnerPublisher } = {};
  const room = new ReplayRoom({
    id: 'room-1',
    story,
    storyVersion: 'v1',
    clock,
    settings: { storySecondsPerSecond: 1, maxGapWallMs: 100, loop: false, loopHoldWallMs: 0, autoplay: true },
    keyDigest: keyDigest('k'.repeat(24)),
    epoch: 'e1',
    firstSeq: 1,
    publish: (_room, message) => ref.publisher?.publish(message),
  });
  const publisher = new OwnerPublisher({
    roomId: 'room-1',
    log,
    keeper,
    clock,
    target: { epoch: 'e1' },
    story: { scenarioId: room.scenarioId, storyVersion: 'v1' },
    initial: { ...room.emittedStanding(), gap: false, change: 'snapshot' },
    broadcast: () => undefined,
    announceNewLog: () => undefined,
    onEpoch: () => undefined,
    onAppended: () => undefined,
    onLost: () => undefined,
    onAppendError: () => undefined,
  });
  ref.publisher = publisher;
  const owned = new OwnedClusterRoom({ room, publisher, keeper: keeper as unknown as RoomLeaseKeeper, log: log as unknown as RoomStreamLog });
  /** Answers the stored-answer lookups made so far with "none". */
  const answerLookups = async () => {
    for (const resolve of lookups.splice(0)) resolve(undefined);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { owned, appended, answerLookups };
}

describe('OwnedClusterRoom.control', () => {
  it('answers a control once its message is in the log, and a retry with the same answer', async () => {
    const { owned, appended, answerLookups } = ownedRoom();
    const first = owned.control({ type: 'pause' }, 'pause-1');
    await answerLookups();
    const ack = await first;
    expect(ack).toMatchObject({ ok: true });
    expect(appended.map((message) => message.seq)).toContain((ack as { seq: number }).seq);
    const retry = owned.control({ type: 'pause' }, 'pause-1');
    await answerLookups();
    expect(await retry).toEqual(ack);
  });

  it.each([
    ['a new control', undefined],
    ['a control already applied here (a retry)', 'pause-1'],
  ])('refuses %s as moving when the room was handed back while its stored answer was looked up', async (_what, earlierId) => {
    const { owned, answerLookups } = ownedRoom();
    if (earlierId) {
      const earlier = owned.control({ type: 'pause' }, earlierId);
      await answerLookups();
      await earlier;
    }
    const control = owned.control({ type: 'pause' }, earlierId ?? 'pause-2');
    owned.dispose(); // its lease was lost meanwhile: the clock here is disposed and says yes to everything
    await answerLookups();
    expect(await control).toEqual({ ok: false, error: MOVING_ROOM_ERROR });
  });
});
