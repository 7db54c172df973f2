import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockPayload, ControlPayload, EventPayload, HandshakeAuth, JumpPayload, SnapshotPayload } from '@/lib/realtime/protocol';
import { ManualClock } from '@/lib/replay/manualClock';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import type { Schedule } from '@/lib/replay/schedule';
import { timeOf } from '@/lib/replay/streamReducer';
import { joinRoom, ReplayClient, seqRange, seqsOf, type RawMessage } from '../helpers/replayClient';
import { createRoom, expectedEventIds, fetchSchedule, serverRoom, serverSocketGone, type CreatedRoom } from '../helpers/replayServer';
import { anchorOf, DAY_PER_SECOND, firstIds, isoAt, MAX_GAP_WALL_MS, STORY_END_MS, STORY_FOLDER, STORY_ID, STORY_IDS, STORY_START_MS } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const T0 = Date.UTC(2026, 0, 1);
const PRESENTER_KEY = 'stream-test-presenter-key-0123456789abcdefg';
/** Live room: a day per second, no stretch longer than 1 s, 10 s hold at the end (the default). */
const LIVE_RATE = DAY_PER_SECOND;

const liveClock = (patch: Partial<ReplayClock>): ReplayClock => ({
  status: 'playing',
  positionMs: STORY_START_MS,
  wallMs: T0,
  storySecondsPerSecond: LIVE_RATE,
  maxGapWallMs: MAX_GAP_WALL_MS,
  loop: true,
  startMs: STORY_START_MS,
  endMs: STORY_END_MS,
  ...patch,
});

/** A handshake probe: the app's auth without its `room`. */
const withoutRoom = ({ room: _room, ...auth }: HandshakeAuth) => auth;

/** Numbered messages after `seq`. */
const after = (client: ReplayClient, seq: number): RawMessage[] => client.received.filter((m) => m.seq > seq);

describe('replay stream on the real server (ManualClock)', () => {
  const clock = new ManualClock(T0);
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  let schedule: Schedule;
  /** Joined the live room at T0 and stays for the whole file. */
  let early: ReplayClient;
  const clients: ReplayClient[] = [];
  const open = async (options: ConstructorParameters<typeof ReplayClient>[1] = {}) => {
    const client = await joinRoom(server.url, options);
    clients.push(client);
    return client;
  };
  const live = () => serverRoom(server, 'live');

  beforeAll(async () => {
    expect(PRESENTER_KEY).toHaveLength(43);
    server = await startTestServer({
      clock,
      eventsDir: eventsDir.dir,
      env: { SITREP_LIVE_RATE: String(LIVE_RATE), SITREP_MAX_GAP_MS: String(MAX_GAP_WALL_MS), SITREP_PRESENTER_KEY: PRESENTER_KEY, SITREP_CONTROLS_PER_SECOND: '1000' },
    });
    schedule = await fetchSchedule(server, STORY_ID);
    early = await open();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  it('sends a joining client a snapshot, then replay:event messages whose seq grows by exactly one', async () => {
    const snapshot = early.snapshots[0] as SnapshotPayload;
    expect(snapshot).toEqual({
      protocol: 2,
      room: 'live',
      scenarioId: STORY_ID,
      storyVersion: server.services.catalog.version(STORY_ID),
      seq: 0,
      epoch: live().epoch,
      clock: liveClock({}),
      released: 1,
      presentation: INITIAL_PRESENTATION,
      serverNowMs: T0,
    });
    expect('gap' in snapshot).toBe(false);
    expect(early.handshakes).toEqual([{ protocol: 2, room: 'live' }]);
    // A handshake that names no room joins the live room.
    const roomless = await open({ auth: withoutRoom });
    expect(roomless.handshakes).toEqual([{ protocol: 2 }]);
    expect(roomless.snapshots).toEqual([snapshot]);
    roomless.close();

    // 2.2 s of wall time: the two events tied on 3 March at 1 s (the day before the week), 4 March at 2 s.
    clock.advance(2_200);
    expect(live().lastSeq).toBe(3);
    await early.waitForSeq(3);
    expect(early.received.map((m) => [m.name, m.seq])).toEqual([
      ['replay:snapshot', 0],
      ['replay:event', 1],
      ['replay:event', 2],
      ['replay:event', 3],
    ]);
    expect(early.received.slice(1).map((m) => (m.payload as EventPayload).event.id)).toEqual(STORY_IDS.slice(1, 4));
    expect(early.received.every((m) => m.status === 'applied')).toBe(true);
    expect(early.eventIds).toEqual(firstIds(4));
  });

  it('gives a late joiner the state an early client folded from the stream, and what lib/replay computes', async () => {
    // [advance by, cumulative wall offset, events released then, clock then]
    const steps: [number, number, number, ReplayClock][] = [
      // 4 March at noon, half a day after 4 March: half a second.
      [400, 2_600, 5, liveClock({})],
      [1_000, 3_600, 6, liveClock({})],
      // The two "by 14 March" ranges, tied on the publication day.
      [1_000, 4_600, 8, liveClock({})],
      // The story's end (the end of 14 March) at 5.5 s: a clock message; the replay holds for 10 s ...
      [1_000, 5_600, 8, liveClock({ status: 'ended', positionMs: STORY_END_MS, wallMs: T0 + 5_500 })],
      // ... then starts again with a jump at 15.5 s.
      [10_000, 15_600, 1, liveClock({ wallMs: T0 + 15_500 })],
      [1_900, 17_500, 4, liveClock({ wallMs: T0 + 15_500 })],
    ];
    for (const [advance, offset, count, expectedClock] of steps) {
      clock.advance(advance);
      expect(clock.now()).toBe(T0 + offset);
      const seq = live().lastSeq;
      await early.waitForSeq(seq);
      const late = await open();
      const snapshot = late.snapshots[0] as SnapshotPayload;
      const folded = early.state;
      expect({ offset, seq: snapshot.seq }).toEqual({ offset, seq: folded?.seq });
      expect(snapshot.released).toBe(folded?.released);
      expect(snapshot.clock).toEqual(folded?.clock);
      // Exact values, and the same as lib/replay derives from the story served over HTTP.
      expect(snapshot.clock).toEqual(expectedClock);
      expect(early.eventIds).toEqual(firstIds(count));
      expect(expectedEventIds(schedule, snapshot.clock, clock.now())).toEqual(firstIds(count));
      expect(snapshot.serverNowMs).toBe(T0 + offset);
      expect(late.state).toEqual({ seq, clock: expectedClock, released: count, gap: false, presentation: INITIAL_PRESENTATION, change: 'snapshot' });
      late.close();
    }
    // The loop's restart reached the early client as one numbered jump, not as a new join.
    expect(early.received.filter((m) => m.name === 'replay:snapshot').map((m) => m.seq)).toEqual([0]);
    expect(early.received.filter((m) => m.name === 'replay:jump').map((m) => [m.seq, (m.payload as JumpPayload).released])).toEqual([[9, 1]]);
    // 7 events + 1 end clock, then the restart jump, then 3 events.
    expect(live().lastSeq).toBe(12);
  });

  describe('presenter controls', () => {
    let presenter: ReplayClient;
    let viewer: ReplayClient;
    let otherRoom: CreatedRoom;
    let otherViewer: ReplayClient;

    beforeAll(async () => {
      presenter = await open({ room: 'live', presenterKey: PRESENTER_KEY });
      viewer = await open({ room: 'live' });
      otherRoom = await createRoom(server, STORY_ID);
      otherViewer = await open({ room: otherRoom.roomId });
    });

    it('acks pause, seek, rate, step and play with {ok: true, seq}; every client of the room gets them, another room none', async () => {
      const other = otherViewer.snapshots[0] as SnapshotPayload;
      expect(other).toMatchObject({ protocol: 2, room: otherRoom.roomId, scenarioId: STORY_ID, seq: 0, released: 1 });
      expect(other.clock).toEqual({ ...liveClock({ status: 'paused', wallMs: other.clock.wallMs }), storySecondsPerSecond: 8_640, loop: false });

      const s0 = live().lastSeq;
      expect(s0).toBe(12);
      const now = clock.now();
      expect(await presenter.control({ type: 'pause' })).toEqual({ ok: true, seq: s0 + 1 });
      expect(await presenter.control({ type: 'seek', to: '2025-03-06T00:00:00Z' })).toEqual({ ok: true, seq: s0 + 2 });
      expect(await presenter.control({ type: 'rate', storySecondsPerSecond: 3_600 })).toEqual({ ok: true, seq: s0 + 3 });
      expect(await presenter.control({ type: 'step', direction: 'next' })).toEqual({ ok: true, seq: s0 + 4 });
      expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: s0 + 5 });
      expect(live().lastSeq).toBe(s0 + 5);

      // Paused where the last step of the previous test left the playhead: on 4 March.
      const paused = liveClock({ status: 'paused', positionMs: anchorOf('river-rises'), wallMs: now });
      const sought = { ...paused, positionMs: Date.UTC(2025, 2, 6) };
      const slower = { ...sought, storySecondsPerSecond: 3_600 };
      const stepped = { ...slower, positionMs: anchorOf('repairs-begin') };
      const playing = { ...stepped, status: 'playing' as const };
      const expected = [
        { name: 'replay:clock', seq: s0 + 1, payload: { seq: s0 + 1, clock: paused } },
        { name: 'replay:jump', seq: s0 + 2, payload: { seq: s0 + 2, clock: sought, released: 5 } },
        { name: 'replay:clock', seq: s0 + 3, payload: { seq: s0 + 3, clock: slower } },
        { name: 'replay:jump', seq: s0 + 4, payload: { seq: s0 + 4, clock: stepped, released: 6 } },
        { name: 'replay:clock', seq: s0 + 5, payload: { seq: s0 + 5, clock: playing } },
      ];
      for (const client of [early, presenter, viewer]) {
        await client.waitForSeq(s0 + 5);
        expect(after(client, s0).map(({ name, seq, payload }) => ({ name, seq, payload }))).toEqual(expected);
        expect(client.state).toEqual({ seq: s0 + 5, clock: playing, released: 6, gap: false, presentation: INITIAL_PRESENTATION, change: 'clock' });
        expect(client.eventIds).toEqual(firstIds(6));
      }

      // A resume on the other room's connection is answered after anything the server sent it before: a barrier.
      expect(await otherViewer.resume(0)).toEqual({ ok: true, resent: 0, serverNowMs: now });
      expect(otherViewer.received.map((m) => [m.name, m.seq])).toEqual([['replay:snapshot', 0]]);
      expect(serverRoom(server, otherRoom.roomId).lastSeq).toBe(0);
    });

    it('refuses a viewer control with forbidden and leaves the state unchanged', async () => {
      const seq = live().lastSeq;
      const before = live().snapshot();
      const controls: ControlPayload[] = [{ type: 'pause' }, { type: 'seek', to: '2025-03-12T00:00:00Z' }, { type: 'step', direction: 'previous' }];
      for (const payload of controls) {
        expect(await viewer.control(payload)).toEqual({ ok: false, error: { code: 'forbidden', message: 'only the presenter can control this room' } });
      }
      expect(live().lastSeq).toBe(seq);
      expect(live().snapshot()).toEqual(before);
      expect(await viewer.resume(seq)).toEqual({ ok: true, resent: 0, serverNowMs: clock.now() });
      expect(after(viewer, seq)).toEqual([]);
      expect(viewer.state?.seq).toBe(seq);
    });

    it('refuses a wrong presenter key with connect_error forbidden, and an unknown room with not_found', async () => {
      const cases: [ConstructorParameters<typeof ReplayClient>[1], string][] = [
        // A handshake that names no room asks for the live room.
        [{ presenterKey: 'x'.repeat(43), auth: withoutRoom }, 'forbidden'],
        [{ room: 'live', presenterKey: `${PRESENTER_KEY.slice(0, -1)}h` }, 'forbidden'],
        // The key of another room does not open the live room.
        [{ room: 'live', presenterKey: otherRoom.presenterKey }, 'forbidden'],
        [{ room: otherRoom.roomId, presenterKey: PRESENTER_KEY }, 'forbidden'],
        [{ room: 'no-such-room' }, 'not_found'],
        [{ room: 'no-such-room', presenterKey: PRESENTER_KEY }, 'not_found'],
      ];
      for (const [options, message] of cases) {
        const client = new ReplayClient(server.url, options);
        clients.push(client);
        const error = await client.waitForConnectError();
        expect({ options, message: error.message }).toEqual({ options, message });
        expect(client.info).toMatchObject({ status: 'refused', refusal: message });
        expect(client.socket.connected).toBe(false);
        expect(client.received).toEqual([]);
        client.close();
      }
    });

    it('after a backward seek, every client holds what a fresh join gets', async () => {
      const s = live().lastSeq;
      expect(await presenter.control({ type: 'seek', to: '2025-03-12T12:00:00Z' })).toEqual({ ok: true, seq: s + 1 });
      // 2 a.m. at +03:00 is 23:00 UTC the day before: before the tie of 3 March, so only the first event is released.
      expect(await presenter.control({ type: 'seek', to: '2025-03-03T02:00:00+03:00' })).toEqual({ ok: true, seq: s + 2 });
      const fresh = await open();
      const snapshot = fresh.snapshots[0] as SnapshotPayload;
      expect(snapshot.seq).toBe(s + 2);
      expect(snapshot.released).toBe(1);
      expect(snapshot.clock).toEqual(liveClock({ positionMs: Date.UTC(2025, 2, 2, 23), wallMs: clock.now(), storySecondsPerSecond: 3_600 }));
      for (const client of [early, presenter, viewer]) {
        await client.waitForSeq(s + 2);
        expect(after(client, s).map((m) => [m.name, m.seq, (m.payload as JumpPayload).released])).toEqual([
          ['replay:jump', s + 1, 6],
          ['replay:jump', s + 2, 1],
        ]);
        expect(timeOf(client.state)).toEqual(timeOf(fresh.state));
        expect(client.eventIds).toEqual(firstIds(1));
      }
    });

    it('acks play while playing and pause while paused without emitting anything', async () => {
      const s = live().lastSeq;
      expect(live().snapshot().clock.status).toBe('playing');
      expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: s });
      expect(await presenter.control({ type: 'play', commandId: 'play-again' })).toEqual({ ok: true, seq: s });
      expect(live().lastSeq).toBe(s);
      expect(await presenter.control({ type: 'pause' })).toEqual({ ok: true, seq: s + 1 });
      expect(await presenter.control({ type: 'pause' })).toEqual({ ok: true, seq: s + 1 });
      expect(live().lastSeq).toBe(s + 1);
      // A rate of the current value changes nothing either.
      expect(await presenter.control({ type: 'rate', storySecondsPerSecond: 3_600 })).toEqual({ ok: true, seq: s + 1 });
      // A real change after them: it must directly follow the pause.
      expect(await presenter.control({ type: 'rate', storySecondsPerSecond: LIVE_RATE })).toEqual({ ok: true, seq: s + 2 });
      for (const client of [early, presenter, viewer]) {
        await client.waitForSeq(s + 2);
        expect(after(client, s).map((m) => [m.name, m.seq, (m.payload as ClockPayload).clock.status, (m.payload as ClockPayload).clock.storySecondsPerSecond])).toEqual([
          ['replay:clock', s + 1, 'paused', 3_600],
          ['replay:clock', s + 2, 'paused', LIVE_RATE],
        ]);
      }
    });

    it('applies a repeated commandId once and answers it like the first time', async () => {
      const s = live().lastSeq;
      expect(live().snapshot().clock).toMatchObject({ status: 'paused', positionMs: Date.UTC(2025, 2, 2, 23) });
      const first = await presenter.control({ type: 'step', direction: 'next', commandId: 'step-once-1' });
      expect(first).toEqual({ ok: true, seq: s + 1 });
      expect(await presenter.control({ type: 'step', direction: 'next', commandId: 'step-once-1' })).toEqual(first);
      expect(live().lastSeq).toBe(s + 1);
      expect(live().snapshot().clock.positionMs).toBe(anchorOf('council-meeting'));
      expect(await presenter.control({ type: 'step', direction: 'next', commandId: 'step-once-2' })).toEqual({ ok: true, seq: s + 2 });
      // Still answered like the first time, even with another payload, and still not applied again.
      expect(await presenter.control({ type: 'pause', commandId: 'step-once-1' })).toEqual(first);
      expect(live().lastSeq).toBe(s + 2);
      for (const client of [early, presenter, viewer]) {
        await client.waitForSeq(s + 2);
        // One step releases both events tied on 3 March; the next one, 4 March.
        expect(after(client, s).map((m) => [m.name, m.seq, (m.payload as JumpPayload).clock.positionMs, (m.payload as JumpPayload).released])).toEqual([
          ['replay:jump', s + 1, anchorOf('council-meeting'), 3],
          ['replay:jump', s + 2, anchorOf('river-rises'), 4],
        ]);
        expect(client.eventIds).toEqual(firstIds(4));
      }
    });

    it('steps back to the release instant before the latest released one, and refuses to step past either end', async () => {
      const s = live().lastSeq;
      expect(live().snapshot().clock.status).toBe('paused');
      expect(await presenter.control({ type: 'seek', to: '2025-03-12T00:00:00Z' })).toEqual({ ok: true, seq: s + 1 });
      // Latest released: 10 March; the release instant before it: 4 March at noon (not 10 March, the last one
      // before the playhead).
      expect(await presenter.control({ type: 'step', direction: 'previous' })).toEqual({ ok: true, seq: s + 2 });
      expect(await presenter.control({ type: 'step', direction: 'previous' })).toEqual({ ok: true, seq: s + 3 });
      expect(await presenter.control({ type: 'seek', to: isoAt(STORY_START_MS) })).toEqual({ ok: true, seq: s + 4 });
      expect(await presenter.control({ type: 'step', direction: 'previous' })).toEqual({ ok: false, error: { code: 'no_event', message: 'there is no earlier event' } });
      expect(await presenter.control({ type: 'seek', to: isoAt(STORY_END_MS) })).toEqual({ ok: true, seq: s + 5 });
      expect(await presenter.control({ type: 'step', direction: 'next' })).toEqual({ ok: false, error: { code: 'no_event', message: 'there is no later event' } });
      expect(live().lastSeq).toBe(s + 5);
      const fresh = await open();
      for (const client of [early, presenter, viewer]) {
        await client.waitForSeq(s + 5);
        expect(after(client, s).map((m) => [m.seq, (m.payload as JumpPayload).clock.positionMs, (m.payload as JumpPayload).released])).toEqual([
          [s + 1, Date.UTC(2025, 2, 12), 6],
          [s + 2, anchorOf('levee-gives-way'), 5],
          [s + 3, anchorOf('river-rises'), 4],
          [s + 4, STORY_START_MS, 1],
          [s + 5, STORY_END_MS, STORY_IDS.length],
        ]);
        expect(timeOf(client.state)).toEqual(timeOf(fresh.state));
      }
      expect(fresh.state?.clock.status).toBe('paused');
      expect(fresh.eventIds).toEqual([...STORY_IDS]);
    });

    it('tells a room how many are watching, at most once a second, and GET /api/rooms/:id agrees', async () => {
      const room = await createRoom(server, STORY_ID);
      const watchers = [await open({ room: room.roomId }), await open({ room: room.roomId }), await open({ room: room.roomId, presenterKey: room.presenterKey })];
      expect(watchers.flatMap((w) => w.presence)).toEqual([]);
      clock.advance(1_000);
      for (const w of watchers) await w.waitFor(() => w.presence.length === 1, 'presence');
      expect(watchers.map((w) => w.presence)).toEqual([[{ viewers: 3 }], [{ viewers: 3 }], [{ viewers: 3 }]]);
      const response = await fetch(`${server.url}/api/rooms/${room.roomId}`);
      expect(await response.json()).toEqual({ roomId: room.roomId, scenarioId: STORY_ID, viewers: 3 });

      const [leaving, ...staying] = watchers as [ReplayClient, ReplayClient, ReplayClient];
      const id = leaving.socket.id;
      leaving.close();
      await serverSocketGone(server, id);
      clock.advance(1_000);
      for (const w of staying) await w.waitFor(() => w.presence.length === 2, 'second presence');
      expect(staying.map((w) => w.presence)).toEqual([
        [{ viewers: 3 }, { viewers: 2 }],
        [{ viewers: 3 }, { viewers: 2 }],
      ]);
      // Not numbered: the room's seq did not move.
      expect(serverRoom(server, room.roomId).lastSeq).toBe(0);
    });
  });

  it('the early client received every message of the room once, in order', () => {
    const last = live().lastSeq;
    expect(seqsOf(early.received)).toEqual(seqRange(0, last));
    expect(early.received.every((m) => m.status === 'applied')).toBe(true);
    expect(early.connections).toBe(1);
    expect(early.autoResumes).toEqual([]);
  });
});
