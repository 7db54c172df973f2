import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { ReplayConnection, type RoomReplayState, type SocketLike, type StateChange } from '@/lib/realtime/client/replayConnection';
import type { SnapshotPayload } from '@/lib/realtime/protocol';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayClock } from '@/lib/replay/replayClock';

type Listener = (...args: unknown[]) => void;

/** Just enough of a socket to play the server's messages. */
class FakeSocket {
  connected = true;
  listeners = new Map<string, Listener>();
  connect() {}
  disconnect() {}
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
  }
  request() {
    return Promise.resolve(undefined);
  }
  fire(event: string, payload: unknown) {
    this.listeners.get(event)?.(payload);
  }
}

const clock: ReplayClock = { status: 'paused', positionMs: 0, wallMs: 0, storySecondsPerSecond: 1, maxGapWallMs: 1_000, loop: false, startMs: 0, endMs: 10 };
/** A new object for the same event each time, as the wire delivers it. */
const ev = (id: string) => ({ id, title: `event ${id}` }) as unknown as StoryEvent;
const snapshot = (seq: number, ids: string[], extra: Partial<SnapshotPayload> = {}): SnapshotPayload => ({
  protocol: 1,
  room: 'r',
  scenarioId: 'story',
  seq,
  epoch: 'e1',
  clock,
  events: ids.map(ev),
  serverNowMs: 0,
  presentation: { ...INITIAL_PRESENTATION },
  ...extra,
});

function setup() {
  const socket = new FakeSocket();
  const states: [RoomReplayState, StateChange][] = [];
  new ReplayConnection('r', undefined, () => socket as unknown as SocketLike, { state: (s, change) => states.push([s, change]), info: () => undefined }, () => 0);
  return { socket, states, last: () => states[states.length - 1] };
}

describe('ReplayConnection shares the objects it already has', () => {
  it('hands back the same event objects after a seek, so a list that grew keeps its prefix', () => {
    const { socket, last } = setup();
    socket.fire('replay:snapshot', snapshot(1, ['a', 'b']));
    const first = last()?.[0];
    socket.fire('replay:event', { seq: 2, event: ev('c') });
    socket.fire('replay:snapshot', snapshot(3, ['a', 'b', 'c', 'd']));
    const [state, change] = last() ?? [];
    expect(change).toBe('snapshot');
    expect(state?.events.slice(0, 2)).toEqual(first?.events);
    expect(state?.events[0]).toBe(first?.events[0]);
    expect(state?.events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(state?.presentation).toBe(first?.presentation);
  });

  it('starts over with a new epoch', () => {
    const { socket, last } = setup();
    socket.fire('replay:snapshot', snapshot(1, ['a']));
    const before = last()?.[0].events[0];
    socket.fire('replay:snapshot', snapshot(1, ['a'], { epoch: 'e2' }));
    expect(last()?.[0].events[0]).not.toBe(before);
  });

  it('tells what changed the state', () => {
    const { socket, states } = setup();
    socket.fire('replay:snapshot', snapshot(1, ['a']));
    socket.fire('replay:event', { seq: 2, event: ev('b') });
    socket.fire('replay:clock', { seq: 3, clock });
    expect(states.map(([, change]) => change)).toEqual(['snapshot', 'event', 'clock']);
  });
});
