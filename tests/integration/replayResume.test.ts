import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JumpPayload, SnapshotPayload } from '@/lib/realtime/protocol';
import { ManualClock } from '@/lib/replay/manualClock';
import { timeOf } from '@/lib/replay/streamReducer';
import { joinRoom, ReplayClient, seqRange, seqsOf, type RawMessage, type ReplayClientOptions } from '../helpers/replayClient';
import { createRoom, cutConnection, reconnect, serverRoom, serverSocketGone } from '../helpers/replayServer';
import { DAY_PER_SECOND, END_OFFSET_MS, firstIds, MAX_GAP_WALL_MS, STORY_END_MS, STORY_EVENTS, STORY_FOLDER, STORY_ID, STORY_IDS } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const T0 = Date.UTC(2026, 0, 1);
const PRESENTER_KEY = 'resume-test-presenter-key-0123456789abcdefg';
/** The live room's hold at the end of the story before it starts again. */
const LOOP_HOLD_MS = 2_000;
/** One play-through of the live room: the story, then the hold. */
const CYCLE_MS = END_OFFSET_MS + LOOP_HOLD_MS;

/**
 * The live room's messages (a day per second, stretches of 1 s at most, a 2 s hold) with wall offsets from its start
 * in (fromMs, toMs]: a 7.5 s cycle of 7 releases (the first event is released by the start itself, or by the restart's
 * jump), the end at 5.5 s, the restart at 7.5 s.
 */
function liveMessagesBetween(fromMs: number, toMs: number): string[] {
  const names: string[] = [];
  for (let cycle = 0; cycle * CYCLE_MS <= toMs; cycle++) {
    const start = cycle * CYCLE_MS;
    const timeline: [number, string][] = [
      ...(cycle > 0 ? [[start, 'replay:jump'] as [number, string]] : []),
      ...STORY_EVENTS.slice(1).map((e): [number, string] => [start + e.offsetMs, 'replay:event']),
      [start + END_OFFSET_MS, 'replay:clock'],
    ];
    for (const [at, name] of timeline) if (at > fromMs && at <= toMs) names.push(name);
  }
  return names;
}

/**
 * Raw messages as comparable values (which client received them does not matter). A snapshot's `serverNowMs` is
 * the server's clock when that copy was sent, so a resent snapshot differs there and only there.
 */
const wire = (messages: readonly RawMessage[]) =>
  messages.map(({ name, seq, payload }) => {
    if (name !== 'replay:snapshot') return { name, seq, payload };
    const { serverNowMs: _sentAt, ...rest } = payload as SnapshotPayload;
    return { name, seq, payload: rest };
  });

/** Checks the invariant of a client that never missed anything: seqs from its first snapshot on, once each, all applied. */
function expectContiguous(client: ReplayClient) {
  const first = client.received[0]?.seq ?? -1;
  const last = client.state?.seq ?? -2;
  expect(seqsOf(client.received)).toEqual(seqRange(first, last));
  expect(client.received.filter((m) => m.status !== 'applied')).toEqual([]);
}

describe('resume after a reconnect (ManualClock)', () => {
  const clock = new ManualClock(T0);
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  const clients: ReplayClient[] = [];
  const open = async (options: ReplayClientOptions = {}) => {
    const client = await joinRoom(server.url, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({
      clock,
      eventsDir: eventsDir.dir,
      env: {
        SITREP_LIVE_RATE: String(DAY_PER_SECOND),
        SITREP_MAX_GAP_MS: String(MAX_GAP_WALL_MS),
        SITREP_LOOP_HOLD_MS: String(LOOP_HOLD_MS),
        SITREP_PRESENTER_KEY: PRESENTER_KEY,
        SITREP_CONTROLS_PER_SECOND: '1000',
      },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  /** A room made through the API with its presenter, a client that stays, and one that will be cut off. */
  async function presentedRoom() {
    const created = await createRoom(server, STORY_ID);
    const presenter = await open({ room: created.roomId, presenterKey: created.presenterKey });
    const stayer = await open({ room: created.roomId });
    const dropped = await open({ room: created.roomId });
    return { roomId: created.roomId, room: () => serverRoom(server, created.roomId), presenter, stayer, dropped };
  }

  const cut = (client: ReplayClient) => cutConnection(server, client);

  // [label, replay time away, events released then, the room's seq then: the rate and play controls, the events, the end]
  it.each([
    ['3 s', 3_000, 5, 2 + 4],
    ['90 s', 90_000, 8, 2 + 7 + 1],
  ])('a client cut off for %s of replay time resumes with every message it missed, once each, in order', async (_label, advanceMs, events, messages) => {
    const { roomId, room, presenter, stayer, dropped } = await presentedRoom();
    expect(dropped.state?.seq).toBe(0);
    await cut(dropped);

    expect(await presenter.control({ type: 'rate', storySecondsPerSecond: DAY_PER_SECOND })).toEqual({ ok: true, seq: 1 });
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 2 });
    clock.advance(advanceMs);
    expect(room().lastSeq).toBe(messages);
    await stayer.waitForSeq(messages);
    expect(stayer.eventIds).toEqual(firstIds(events));

    await reconnect(dropped, messages);
    expect(dropped.handshakes).toEqual([{ protocol: 2, room: roomId }, { protocol: 2, room: roomId, lastSeq: 0, epoch: room().epoch }]);
    // A resend, not a snapshot: exactly the missed seqs, once each, in order, the same messages the stayer got.
    expect(dropped.snapshots).toHaveLength(1);
    expect(seqsOf(dropped.receivedOn(2))).toEqual(seqRange(1, messages));
    expect(wire(dropped.receivedOn(2))).toEqual(wire(stayer.received.filter((m) => m.seq >= 1)));
    expectContiguous(dropped);
    expect(dropped.eventIds).toEqual(stayer.eventIds);
    expect(dropped.eventIds).toEqual(firstIds(events));
    expect(dropped.state).toEqual(stayer.state);

    // Both keep receiving the room's messages afterwards.
    expect(await presenter.control({ type: events === STORY_IDS.length ? 'play' : 'pause' })).toEqual({ ok: true, seq: messages + 1 });
    await dropped.waitForSeq(messages + 1);
    await stayer.waitForSeq(messages + 1);
    expect(dropped.state).toEqual(stayer.state);
    expectContiguous(dropped);
    expectContiguous(stayer);
  });

  it('a client of the looping live room cut off for 90 s gets the missed events, ends and restarts resent', async () => {
    const live = () => serverRoom(server, 'live');
    const stayer = await open();
    const dropped = await open();
    const lastSeq = dropped.state?.seq as number;
    await cut(dropped);
    const cutAt = clock.now();
    clock.advance(90_000);
    const roomSeq = live().lastSeq;
    await stayer.waitForSeq(roomSeq);
    await reconnect(dropped, roomSeq);

    const resent = dropped.receivedOn(2);
    expect(seqsOf(resent)).toEqual(seqRange(lastSeq + 1, roomSeq));
    expect(wire(resent)).toEqual(wire(stayer.received.filter((m) => m.seq > lastSeq)));
    // Exactly what the live room's 7.5 s cycle (5.5 s of story, 2 s hold) emits in those 90 s: 12 restarts.
    const expected = liveMessagesBetween(cutAt - T0, clock.now() - T0);
    expect(resent.map((m) => m.name)).toEqual(expected);
    const restarts = resent.filter((m) => m.name === 'replay:jump');
    expect(restarts).toHaveLength(90_000 / CYCLE_MS);
    // A restart is a small message: the first event released, never the story.
    expect(restarts.map((m) => (m.payload as JumpPayload).released)).toEqual(restarts.map(() => 1));
    expect(resent.filter((m) => m.name === 'replay:event')).toHaveLength((90_000 / CYCLE_MS) * (STORY_IDS.length - 1));
    expectContiguous(dropped);
    expect(dropped.state).toEqual(stayer.state);
    expect(dropped.eventIds).toEqual(stayer.eventIds);
  });

  it('after more than two minutes away, a client gets a snapshot with gap: true and the state of a fresh join', async () => {
    const { roomId, room, presenter, stayer, dropped } = await presentedRoom();
    await cut(dropped);
    expect(await presenter.control({ type: 'rate', storySecondsPerSecond: DAY_PER_SECOND })).toEqual({ ok: true, seq: 1 });
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 2 });
    clock.advance(130_000);
    // 7 events and the end, all more than two minutes old now.
    expect(room().lastSeq).toBe(10);
    await stayer.waitForSeq(10);

    await reconnect(dropped, 10);
    expect(dropped.handshakes[1]).toEqual({ protocol: 2, room: roomId, lastSeq: 0, epoch: room().epoch });
    expect(dropped.receivedOn(2).map((m) => [m.name, m.seq])).toEqual([['replay:snapshot', 10]]);
    const snapshot = dropped.snapshots[1] as SnapshotPayload;
    expect(snapshot).toMatchObject({ room: roomId, seq: 10, gap: true, serverNowMs: clock.now() });
    expect(snapshot.clock).toMatchObject({ status: 'ended', positionMs: STORY_END_MS, storySecondsPerSecond: DAY_PER_SECOND });

    const fresh = await open({ room: roomId });
    expect(fresh.state?.gap).toBe(false);
    expect(dropped.state).toEqual({ ...fresh.state, gap: true });
    expect(dropped.eventIds).toEqual([...STORY_IDS]);
    expect(timeOf(stayer.state)).toEqual(timeOf(fresh.state));

    // A resume asked on the open connection meets the same gap.
    expect(await dropped.resume(0)).toEqual({ ok: true, resent: 0, gap: true, serverNowMs: clock.now() });
    await dropped.waitForSnapshots(3);
    expect(dropped.snapshots[2]).toEqual({ ...snapshot, serverNowMs: clock.now() });
  });

  it('a client that missed nothing resumes with nothing resent and no snapshot, however long it was away', async () => {
    const { roomId, room, presenter, dropped } = await presentedRoom();
    await cut(dropped);
    clock.advance(130_000);
    expect(room().lastSeq).toBe(0);
    await reconnect(dropped, 0);
    expect(dropped.handshakes[1]).toEqual({ protocol: 2, room: roomId, lastSeq: 0, epoch: room().epoch });
    // Anything sent on the new connection before this answer would have arrived before it.
    expect(await dropped.resume(0)).toEqual({ ok: true, resent: 0, serverNowMs: clock.now() });
    expect(dropped.receivedOn(2)).toEqual([]);
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 1 });
    await dropped.waitForSeq(1);
    expect(dropped.receivedOn(2).map((m) => [m.name, m.seq, m.status])).toEqual([['replay:clock', 1, 'applied']]);
    expectContiguous(dropped);
  });

  it('a client that loses a message on an open connection asks to resume by itself and folds what is resent', async () => {
    const { presenter, stayer } = await presentedRoom();
    stayer.withhold(1);
    expect(await presenter.control({ type: 'rate', storySecondsPerSecond: DAY_PER_SECOND })).toEqual({ ok: true, seq: 1 });
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 2 });
    await stayer.waitFor(() => stayer.autoResumes.length === 1, 'the answer to its resume');
    // The app's connection met seq 2 without seq 1, asked to resume from 0, and folded both when they came again.
    expect(stayer.received.map((m) => [m.name, m.seq, m.status])).toEqual([
      ['replay:snapshot', 0, 'applied'],
      ['replay:clock', 1, 'withheld'],
      ['replay:clock', 2, 'gap'],
      ['replay:clock', 1, 'applied'],
      ['replay:clock', 2, 'applied'],
    ]);
    expect(stayer.autoResumes).toEqual([{ ok: true, resent: 2, serverNowMs: clock.now() }]);
    expect(stayer.state).toEqual(presenter.state);
    expect(stayer.connections).toBe(1);
  });

  it('replay:resume on a connected client answers {ok: true, resent} and resends those messages in order', async () => {
    const { room, presenter, stayer } = await presentedRoom();
    expect(await presenter.control({ type: 'rate', storySecondsPerSecond: DAY_PER_SECOND })).toEqual({ ok: true, seq: 1 });
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 2 });
    clock.advance(2_500);
    // Events at 1 s (the two tied on 3 March), 2 s and 2.5 s.
    expect(room().lastSeq).toBe(6);
    await stayer.waitForSeq(6);
    const originals = wire(stayer.received.filter((m) => m.seq > 3));
    const count = stayer.received.length;

    expect(await stayer.resume(3)).toEqual({ ok: true, resent: 3, serverNowMs: clock.now() });
    // The resent messages arrived before the answer, on their usual events, in order.
    const again = stayer.received.slice(count);
    expect(wire(again)).toEqual(originals);
    expect(again.map((m) => m.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    expect(await stayer.resume(6)).toEqual({ ok: true, resent: 0, serverNowMs: clock.now() });
    expect(await stayer.resume(0)).toEqual({ ok: true, resent: 6, serverNowMs: clock.now() });
    expect(seqsOf(stayer.received.slice(count + 3))).toEqual(seqRange(1, 6));
    expect(stayer.state?.seq).toBe(6);
    expect(stayer.eventIds).toEqual(firstIds(5));

    // A seq the room has not reached is a gap: a fresh snapshot.
    expect(await stayer.resume(99)).toEqual({ ok: true, resent: 0, gap: true, serverNowMs: clock.now() });
    expect(stayer.received.at(-1)).toMatchObject({ name: 'replay:snapshot', seq: 6, payload: { gap: true } });
  });

  it('a client reconnecting with another epoch gets a snapshot, not a resend; without epoch it resumes', async () => {
    const created = await createRoom(server, STORY_ID);
    const room = () => serverRoom(server, created.roomId);
    const presenter = await open({ room: created.roomId, presenterKey: created.presenterKey });
    const stranger = await open({ room: created.roomId, auth: (current) => ({ ...current, epoch: 'not-this-rooms-epoch' }) });
    const noEpoch = await open({ room: created.roomId, auth: ({ epoch: _epoch, ...current }) => current });
    await cut(stranger);
    await cut(noEpoch);
    expect(await presenter.control({ type: 'rate', storySecondsPerSecond: DAY_PER_SECOND })).toEqual({ ok: true, seq: 1 });
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 2 });
    clock.advance(2_000);
    // Events at 1 s (two) and 2 s.
    expect(room().lastSeq).toBe(5);

    await reconnect(stranger, 5);
    expect(stranger.handshakes[1]).toEqual({ protocol: 2, room: created.roomId, lastSeq: 0, epoch: 'not-this-rooms-epoch' });
    expect(stranger.receivedOn(2).map((m) => [m.name, m.seq])).toEqual([['replay:snapshot', 5]]);
    // It asked to resume and could not: the snapshot says so.
    expect(stranger.snapshots[1]).toMatchObject({ seq: 5, epoch: room().epoch, gap: true });
    expect(stranger.eventIds).toEqual(firstIds(4));

    await reconnect(noEpoch, 5);
    expect(noEpoch.handshakes[1]).toEqual({ protocol: 2, room: created.roomId, lastSeq: 0 });
    expect(noEpoch.receivedOn(2).map((m) => [m.name, m.seq])).toEqual([
      ['replay:clock', 1],
      ['replay:clock', 2],
      ['replay:event', 3],
      ['replay:event', 4],
      ['replay:event', 5],
    ]);
    expect(noEpoch.eventIds).toEqual(firstIds(4));
    expect({ ...timeOf(stranger.state), gap: false }).toEqual(timeOf(noEpoch.state));
  });
});

describe('resume after a reconnect (real clock)', () => {
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  const clients: ReplayClient[] = [];

  beforeAll(async () => {
    // The live room streams steadily: 6 stretches of 100 ms and a 300 ms hold, 9 messages (7 events) every 0.9 s.
    server = await startTestServer({
      eventsDir: eventsDir.dir,
      env: { SITREP_LIVE_RATE: String(DAY_PER_SECOND), SITREP_MAX_GAP_MS: '100', SITREP_LOOP_HOLD_MS: '300', SITREP_PRESENTER_KEY: PRESENTER_KEY },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  it('a client whose connection drops for about 5 s resumes with no missing and no duplicated message', async () => {
    const stayer = await joinRoom(server.url);
    const dropped = await joinRoom(server.url);
    clients.push(stayer, dropped);
    // Both see the stream move before the cut.
    await dropped.waitForSeq((dropped.state?.seq as number) + 5);

    const id = dropped.socket.id;
    dropped.dropConnection();
    await dropped.waitForDisconnect();
    await serverSocketGone(server, id);
    const lastSeq = dropped.state?.seq as number;
    // About 5 s of stream go by without it: the other client receives 40 more events (about 8 a second).
    await stayer.waitFor(() => stayer.received.filter((m) => m.seq > lastSeq && m.name === 'replay:event').length >= 40, '40 more events');

    dropped.connect();
    await dropped.waitForConnections(2);
    expect(dropped.handshakes[1]).toEqual({ protocol: 2, room: 'live', lastSeq, epoch: serverRoom(server, 'live').epoch });
    // Freeze the room so that both can be compared at the same seq.
    const presenter = await joinRoom(server.url, { presenterKey: PRESENTER_KEY });
    clients.push(presenter);
    const ack = await presenter.control({ type: 'pause' });
    expect(ack).toMatchObject({ ok: true });
    const finalSeq = (ack as { seq: number }).seq;
    expect(serverRoom(server, 'live').lastSeq).toBe(finalSeq);
    await dropped.waitForSeq(finalSeq);
    await stayer.waitForSeq(finalSeq);

    const afterCut = dropped.receivedOn(2);
    expect(afterCut.length).toBeGreaterThanOrEqual(40);
    expect(afterCut[0]).toMatchObject({ seq: lastSeq + 1 });
    expect(afterCut.filter((m) => m.name === 'replay:snapshot' && m.seq === lastSeq)).toEqual([]);
    expectContiguous(dropped);
    expectContiguous(stayer);
    const shared = dropped.received[0]?.seq as number;
    expect(wire(dropped.received.filter((m) => m.seq > shared))).toEqual(wire(stayer.received.filter((m) => m.seq > shared)));
    expect(dropped.state).toEqual(stayer.state);
    expect(dropped.state?.clock.status).toBe('paused');
    expect(dropped.autoResumes).toEqual([]);
  }, 30_000);
});
