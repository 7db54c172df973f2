import type { ManagerOptions } from 'socket.io-client';
import type { RoomReplayState, SocketLike } from '@/lib/realtime/client/connectionTypes';
import { createSocket } from '@/lib/realtime/client/createSocket';
import { ReplayConnection } from '@/lib/realtime/client/replayConnection';
import type { EventPayload } from '@/lib/realtime/protocol';
import { runWithLimit } from '@/bench/core/inFlight';
import { StateWaiters } from './stateWaiters';

/** Handshakes in flight at once while the viewers join. */
const JOINS_IN_FLIGHT = 25;
const JOIN_TIMEOUT_MS = 30_000;

/** What one viewer saw, and what broke the rules: an event out of order or twice, a silent jump. */
interface Viewer {
  connection: ReplayConnection;
  state: RoomReplayState | undefined;
  /** The event of each event message received, by seq (the last received for a seq wins). */
  eventIds: Map<number, string>;
  /** Snapshots after the first: each must say `gap`, or change nothing. */
  gapSnapshots: number;
  /** Times it lost its connection and came back (its node died, or Redis went away). */
  reconnects: number;
  lost: boolean;
  violations: string[];
}

/**
 * Screens of one room, each the app's own connection (folding, resume on a gap, reconnect with lastSeq and epoch),
 * that check every change they fold against the story: a release must be the next event of the story, exactly once
 * (seq and released count both one more, the event's id the story's next); a snapshot after the first must be marked
 * as a gap or change nothing. Anything else is recorded as a violation: a silent gap, a duplicate, an event out of order.
 */
export class CheckedViewers {
  private readonly viewers: Viewer[] = [];
  private readonly waiters = new StateWaiters(() => `${this.viewers.length} viewers, ${this.viewers.filter((v) => v.state).length} joined`);
  private readonly changed = () => this.waiters.notify();

  private constructor(
    private readonly url: string,
    private readonly roomId: string,
    private readonly storyEventIds: readonly string[],
  ) {}

  static async open(options: { url: string; roomId: string; count: number; storyEventIds: readonly string[] }): Promise<CheckedViewers> {
    const fleet = new CheckedViewers(options.url, options.roomId, options.storyEventIds);
    await runWithLimit(options.count, JOINS_IN_FLIGHT, () => fleet.openOne());
    return fleet;
  }

  private openOne(): Promise<void> {
    const viewer: Viewer = { connection: undefined as unknown as ReplayConnection, state: undefined, eventIds: new Map(), gapSnapshots: 0, reconnects: 0, lost: false, violations: [] };
    const overrides: Partial<ManagerOptions> = { forceNew: true };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a viewer did not join within ${JOIN_TIMEOUT_MS} ms`)), JOIN_TIMEOUT_MS);
      viewer.connection = new ReplayConnection(
        this.roomId,
        undefined,
        (auth) => recordingEvents(createSocket(auth, this.url, overrides), viewer.eventIds),
        {
          state: (state) => {
            if (!viewer.state) {
              clearTimeout(timer);
              resolve();
            } else {
              this.check(viewer, viewer.state, state);
            }
            viewer.state = state;
            this.changed();
          },
          info: (info) => {
            if (viewer.state && info.status !== 'live') viewer.lost = true;
            if (viewer.lost && info.status === 'live') {
              viewer.lost = false;
              viewer.reconnects++;
            }
            this.changed();
          },
        },
        () => Date.now(),
      );
      this.viewers.push(viewer);
    });
  }

  private check(viewer: Viewer, before: RoomReplayState, after: RoomReplayState): void {
    const problem = (what: string) => viewer.violations.push(`${what} (seq ${before.seq} → ${after.seq}, released ${before.released} → ${after.released})`);
    switch (after.change) {
      case 'event': {
        if (after.seq !== before.seq + 1 || after.released !== before.released + 1) problem('a release that is not the next one');
        const expected = this.storyEventIds[after.released - 1];
        const got = viewer.eventIds.get(after.seq);
        if (got !== expected) problem(`event "${got}" released where the story's next is "${expected}"`);
        return;
      }
      case 'clock':
      case 'presentation':
        if (after.released !== before.released) problem(`a ${after.change} message changed the released count`);
        return;
      case 'jump':
        return; // a presenter's seek or step: an explicit move
      case 'snapshot':
        if (after.gap) viewer.gapSnapshots++;
        else if (after.seq !== before.seq || after.released !== before.released || after.epoch !== before.epoch) problem('a snapshot that moved the room without saying gap');
        return;
    }
  }

  get count(): number {
    return this.viewers.length;
  }

  /** Every violation of every viewer. */
  violations(): string[] {
    return this.viewers.flatMap((viewer, index) => viewer.violations.map((v) => `viewer ${index}: ${v}`));
  }

  /** Viewers that were told of a gap (an explicit snapshot) at least once. */
  get toldOfGap(): number {
    return this.viewers.filter((viewer) => viewer.gapSnapshots > 0).length;
  }

  /** Viewers that lost their connection and came back at least once. */
  get reconnected(): number {
    return this.viewers.filter((viewer) => viewer.reconnects > 0).length;
  }

  states(): (RoomReplayState | undefined)[] {
    return this.viewers.map((viewer) => viewer.state);
  }

  /** Resolves once `check()` holds, checked after every change of any viewer; rejects after `timeoutMs`. */
  waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
    return this.waiters.waitFor(check, `viewers ${what}`, timeoutMs);
  }

  close(): void {
    for (const viewer of this.viewers) viewer.connection.close();
  }
}

/** The socket, recording the event of every event message before the connection folds it. */
function recordingEvents(socket: SocketLike, eventIds: Map<number, string>): SocketLike {
  return {
    get connected() {
      return socket.connected;
    },
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
    reconnectAfterClose: (nextDelayMs) => socket.reconnectAfterClose(nextDelayMs),
    request: (event, payload, timeoutMs) => socket.request(event, payload, timeoutMs),
    on: ((event: string, listener: (...args: unknown[]) => void) =>
      socket.on(event as 'connect', (...args: unknown[]) => {
        if (event === 'replay:event') {
          const payload = args[0] as EventPayload;
          eventIds.set(payload.seq, payload.event.id);
        }
        (listener as (...a: unknown[]) => void)(...args);
      })) as SocketLike['on'],
  };
}
