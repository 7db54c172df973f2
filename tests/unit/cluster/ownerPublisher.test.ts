import { describe, expect, it } from 'vitest';
import type { LeaseState } from '@/lib/cluster/leaseKeeperPolicy';
import type { AppendExtras, AppendResult, LogTarget } from '@/lib/cluster/roomStreamLog';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import { ManualClock } from '@/lib/replay/manualClock';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayMessage } from '@/lib/replay/replayMessages';
import type { StreamState } from '@/lib/replay/streamReducer';
import { APPEND_RETRY_WALL_MS, MAX_PENDING_MESSAGES, OwnerPublisher, type LostReason } from '@/lib/realtime/server/cluster/ownerPublisher';
import type { RoomStanding } from '@/lib/realtime/server/servedRoom';

const CLOCK: ReplayClock = { status: 'playing', positionMs: 0, wallMs: 0, storySecondsPerSecond: 1, maxGapWallMs: 1_000, loop: false, startMs: 0, endMs: 10_000 };
const START: StreamState = { seq: 4, clock: CLOCK, released: 2, gap: false, presentation: INITIAL_PRESENTATION, change: 'snapshot' };
const event = (seq: number): ReplayMessage => ({ kind: 'event', seq, event: { id: `e${seq}` } as never });
const paused = (seq: number): ReplayMessage => ({ kind: 'clock', seq, clock: { ...CLOCK, status: 'paused' } });

interface Call {
  target: LogTarget;
  seqs: number[];
  extras: AppendExtras | undefined;
}

/** A room log that answers each append as the test says: appended (the default), fenced, or a Redis error. */
function fakeLog() {
  const calls: Call[] = [];
  const answers: (AppendResult | Error)[] = [];
  return {
    calls,
    answers,
    log: {
      append: async (_roomId: string, _fence: unknown, target: LogTarget, messages: readonly ReplayMessage[], extras?: AppendExtras): Promise<AppendResult> => {
        calls.push({ target, seqs: messages.map((m) => m.seq), extras });
        const answer = answers.shift() ?? { kind: 'appended', epoch: 'E' };
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
  };
}

function publisherWith(options: { target?: LogTarget; canPublish?: () => boolean; state?: () => LeaseState } = {}) {
  const clock = new ManualClock(1_000);
  const { log, calls, answers } = fakeLog();
  const broadcast: number[] = [];
  const lost: LostReason[] = [];
  const appended: RoomStanding[] = [];
  const epochs: string[] = [];
  const announced: RoomStanding[] = [];
  const publisher = new OwnerPublisher({
    roomId: 'room',
    log,
    keeper: { canPublish: options.canPublish ?? (() => true), get state() { return options.state?.() ?? 'publishing'; }, fence: { nodeId: 'n', token: 7 } },
    clock,
    target: options.target ?? { epoch: 'E' },
    story: { scenarioId: 's', storyVersion: 'v' },
    initial: START,
    broadcast: (message) => broadcast.push(message.seq),
    announceNewLog: (standing) => announced.push(standing),
    onEpoch: (epoch) => epochs.push(epoch),
    onAppended: (standing) => appended.push(standing),
    onLost: (reason) => lost.push(reason),
    onAppendError: () => undefined,
  });
  return { publisher, clock, calls, answers, broadcast, lost, appended, epochs, announced };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OwnerPublisher', () => {
  it('appends what was published in one batch, then broadcasts it in order, with the head after its last message', async () => {
    const { publisher, calls, broadcast, appended } = publisherWith();
    publisher.publish(event(5));
    publisher.publish(event(6));
    expect(await publisher.published(6)).toBe(true);
    expect(calls.map((c) => c.seqs)).toEqual([[5, 6]]);
    expect(calls[0]?.extras?.head).toMatchObject({ scenarioId: 's', storyVersion: 'v', released: 4 });
    expect(broadcast).toEqual([5, 6]);
    expect(appended).toEqual([expect.objectContaining({ seq: 6, epoch: 'E', released: 4 })]);
  });

  it('sends a control’s answer in the append of its last message, and cuts the batch there: the head stops at it', async () => {
    const { publisher, calls } = publisherWith();
    publisher.publish(event(5));
    publisher.publish(paused(6));
    publisher.recordCommand(6, 'cmd-1', { ok: true, seq: 6 });
    publisher.publish(event(7));
    expect(await publisher.published(7)).toBe(true);
    expect(calls.map((c) => c.seqs)).toEqual([[5, 6], [7]]);
    expect(calls[0]?.extras?.command).toEqual({ id: 'cmd-1', ack: { ok: true, seq: 6 } });
    // The head of the first batch is where the room stood after seq 6 — not after 7, which may never be appended.
    expect(calls[0]?.extras?.head).toMatchObject({ released: 3, clock: { status: 'paused' } });
    expect(calls[1]?.extras?.command).toBeUndefined();
  });

  it('learns the epoch of a new log from its first append, announces that batch as a gap snapshot, and continues the log', async () => {
    const { publisher, calls, epochs, answers, announced, broadcast } = publisherWith({ target: 'new' });
    answers.push({ kind: 'appended', epoch: 'fresh' });
    publisher.publish(event(5));
    await publisher.published(5);
    publisher.publish(event(6));
    await publisher.published(6);
    expect(calls.map((c) => c.target)).toEqual(['new', { epoch: 'fresh' }]);
    expect(epochs).toEqual(['fresh']);
    expect(announced).toEqual([expect.objectContaining({ seq: 5, epoch: 'fresh' })]);
    expect(broadcast).toEqual([6]);
  });

  it.each(['fenced', 'epoch_changed', 'out_of_order'] as const)('stops for good when the log answers %s: nothing broadcast, waiters told', async (kind) => {
    const { publisher, answers, broadcast, lost } = publisherWith();
    answers.push(kind === 'fenced' ? { kind } : kind === 'out_of_order' ? { kind, lastSeq: 9 } : { kind, epoch: 'X', lastSeq: 3 });
    publisher.publish(event(5));
    expect(await publisher.published(5)).toBe(false);
    publisher.publish(event(6));
    await settle();
    expect(broadcast).toEqual([]);
    expect(lost).toEqual([kind]);
  });

  it('keeps the batch and its order when Redis does not answer, and tries again', async () => {
    const { publisher, answers, calls, clock, broadcast } = publisherWith();
    answers.push(new Error('Redis away'));
    publisher.publish(event(5));
    await settle();
    publisher.publish(event(6));
    expect(broadcast).toEqual([]);
    clock.advance(APPEND_RETRY_WALL_MS);
    expect(await publisher.published(6)).toBe(true);
    expect(calls.map((c) => c.seqs)).toEqual([[5], [5, 6]]);
    expect(broadcast).toEqual([5, 6]);
  });

  it('holds everything while the lease is unsure, and goes on once it is proven again', async () => {
    let canPublish = false;
    const { publisher, calls, broadcast } = publisherWith({ canPublish: () => canPublish });
    publisher.publish(event(5));
    await settle();
    expect(calls).toEqual([]);
    canPublish = true;
    publisher.leaseChanged();
    expect(await publisher.published(5)).toBe(true);
    expect(broadcast).toEqual([5]);
  });

  it('gives the room up when the lease is lost', async () => {
    const { publisher, lost, calls } = publisherWith({ canPublish: () => false, state: () => 'lost' });
    publisher.publish(event(5));
    const published = publisher.published(5);
    publisher.leaseChanged();
    expect(await published).toBe(false);
    expect(lost).toEqual(['lease_lost']);
    expect(calls).toEqual([]);
  });

  it('refuses a message that does not follow the last one', () => {
    const { publisher } = publisherWith();
    expect(() => publisher.publish(event(9))).toThrow(/does not follow 4/);
  });
});

describe('OwnerPublisher backlog', () => {
  it('gives the room up rather than hold more than MAX_PENDING_MESSAGES it cannot publish', async () => {
    const { publisher, lost, calls } = publisherWith({ canPublish: () => false });
    for (let seq = 5; seq < 5 + MAX_PENDING_MESSAGES; seq++) publisher.publish(event(seq));
    await settle();
    expect(lost).toEqual([]);
    publisher.publish(event(5 + MAX_PENDING_MESSAGES));
    expect(lost).toEqual(['backlog']);
    expect(calls).toEqual([]);
  });
});
