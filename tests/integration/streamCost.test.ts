import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JumpPayload } from '@/lib/realtime/protocol';
import { ManualClock } from '@/lib/replay/manualClock';
import { timeOf } from '@/lib/replay/streamReducer';
import { writeStoryFolder } from '@/lib/storyFiles/writeStoryFolder';
import { generateStory } from '@/lib/synthetic/generateStory';
import path from 'node:path';
import { joinRoom, seqRange, seqsOf, type ReplayClient } from '../helpers/replayClient';
import { ARTICLE_ID, createRoom, cutConnection, reconnect, serverRoom, type CreatedRoom } from '../helpers/replayServer';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

/** What one seek or one step may cost each screen, whatever the story's size (protocol 2's promise). */
const MAX_BYTES_PER_VIEWER_PER_MOVE = 2 * 1024;
const LARGE_EVENTS = 10_000;
const LARGE_SEED = 3;
const LARGE_ID = `synthetic-${LARGE_EVENTS}-seed-${LARGE_SEED}`;
const VIEWERS = 3;
const SEEKS_WHILE_AWAY = 20;

/** An instant `share` of the way through the room's replay, as a seek target. */
function instantAt(room: ReturnType<typeof serverRoom>, share: number): string {
  const { startMs, endMs } = room.schedule;
  return new Date(Math.round(startMs + (endMs - startMs) * share)).toISOString();
}

describe('what a seek and a step cost on the wire (protocol 2)', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const eventsDir = makeEventsDir([`events/${ARTICLE_ID}`]);
  let server: TestServer;
  const clients: ReplayClient[] = [];
  const open = async (...args: Parameters<typeof joinRoom>) => {
    const client = await joinRoom(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    writeStoryFolder(path.join(eventsDir.dir, LARGE_ID), generateStory({ events: LARGE_EVENTS, seed: LARGE_SEED }));
    server = await startTestServer({ clock, eventsDir: eventsDir.dir, env: { SITREP_CONTROLS_PER_SECOND: '1000' } });
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  /** A room of the story with its presenter and viewers, every one of them holding the story. */
  async function roomOf(scenarioId: string) {
    const created: CreatedRoom = await createRoom(server, scenarioId);
    const presenter = await open(server.url, { room: created.roomId, presenterKey: created.presenterKey });
    const viewers: ReplayClient[] = [];
    for (let i = 0; i < VIEWERS; i++) viewers.push(await open(server.url, { room: created.roomId }));
    return { created, room: () => serverRoom(server, created.roomId), presenter, viewers };
  }

  /** Bytes each viewer received for one control, once every viewer has folded it. */
  async function bytesPerViewer(viewers: readonly ReplayClient[], act: () => Promise<{ ok: boolean; seq?: number }>): Promise<number[]> {
    const marks = viewers.map((v) => v.frameBytes.length);
    const ack = await act();
    expect(ack.ok).toBe(true);
    for (const viewer of viewers) await viewer.waitForSeq(ack.seq as number);
    return viewers.map((viewer, i) => viewer.bytesSince(marks[i] as number));
  }

  it.each([
    ['the article', ARTICLE_ID],
    [`a generated story of ${LARGE_EVENTS} events`, LARGE_ID],
  ])('on %s, a seek and a step cost each viewer a few hundred bytes, and every viewer stands where the room stands', async (_label, scenarioId) => {
    const { room, presenter, viewers } = await roomOf(scenarioId);
    const storySize = room().schedule.events.length;

    const seekBytes = await bytesPerViewer(viewers, () => presenter.control({ type: 'seek', to: instantAt(room(), 0.6) }));
    const stepBytes = await bytesPerViewer(viewers, () => presenter.control({ type: 'step', direction: 'previous' }));
    const backBytes = await bytesPerViewer(viewers, () => presenter.control({ type: 'seek', to: instantAt(room(), 0.05) }));
    for (const bytes of [...seekBytes, ...stepBytes, ...backBytes]) {
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(MAX_BYTES_PER_VIEWER_PER_MOVE);
    }

    const { released } = room().snapshot();
    expect(released).toBeGreaterThan(0);
    expect(released).toBeLessThan(storySize);
    for (const viewer of viewers) {
      expect(viewer.received.at(-1)?.name).toBe('replay:jump');
      expect(viewer.state?.released).toBe(released);
      // What the screen shows comes from the story it loaded once, cut at the released count.
      expect(viewer.eventIds).toEqual(room().schedule.events.slice(0, released).map((e) => e.id));
    }
  });

  it('a join on the large story costs a snapshot of a few hundred bytes; the story itself comes over HTTP with its ETag, once', async () => {
    const { created, viewers } = await roomOf(LARGE_ID);
    const [viewer] = viewers as [ReplayClient];
    // The first frames of a connection: the Socket.IO connect answer, then the snapshot.
    const snapshotFrame = viewer.frameBytes.slice(0, 2).reduce((sum, bytes) => sum + bytes, 0);
    expect(snapshotFrame).toBeLessThanOrEqual(MAX_BYTES_PER_VIEWER_PER_MOVE);

    const version = server.services.catalog.version(LARGE_ID) as string;
    expect(viewer.snapshots[0]?.storyVersion).toBe(version);
    const story = await fetch(`${server.url}/api/scenarios/${LARGE_ID}`);
    expect(story.status).toBe(200);
    expect(story.headers.get('etag')).toBe(`"${version}"`);
    const body = (await story.json()) as { storyVersion: string; events: unknown[] };
    expect(body.storyVersion).toBe(version);
    expect(body.events).toHaveLength(LARGE_EVENTS);

    for (const ifNoneMatch of [`"${version}"`, `W/"${version}"`, `"other", "${version}"`, '*']) {
      const again = await fetch(`${server.url}/api/scenarios/${LARGE_ID}`, { headers: { 'if-none-match': ifNoneMatch } });
      expect({ ifNoneMatch, status: again.status, body: await again.text() }).toEqual({ ifNoneMatch, status: 304, body: '' });
      expect(again.headers.get('etag')).toBe(`"${version}"`);
    }
    const stale = await fetch(`${server.url}/api/scenarios/${LARGE_ID}`, { headers: { 'if-none-match': '"an-older-version"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    // Another story has another version.
    expect(server.services.catalog.version(ARTICLE_ID)).not.toBe(version);
    expect(created.scenarioId).toBe(LARGE_ID);
  });

  it(`a viewer away during ${SEEKS_WHILE_AWAY} seeks resumes with ${SEEKS_WHILE_AWAY} small jumps, in order, and no story`, async () => {
    const { room, presenter, viewers } = await roomOf(LARGE_ID);
    const [away, stayer] = viewers as [ReplayClient, ReplayClient];
    const lastSeen = away.state?.seq as number;
    await cutConnection(server, away);

    for (let i = 0; i < SEEKS_WHILE_AWAY; i++) {
      // Back and forth across the story: every jump moves the released count a long way.
      const share = i % 2 === 0 ? 0.9 - i / 100 : 0.1 + i / 100;
      expect(await presenter.control({ type: 'seek', to: instantAt(room(), share) })).toMatchObject({ ok: true, seq: lastSeen + i + 1 });
    }
    const roomSeq = room().lastSeq;
    expect(roomSeq).toBe(lastSeen + SEEKS_WHILE_AWAY);
    await stayer.waitForSeq(roomSeq);

    const mark = away.frameBytes.length;
    await reconnect(away, roomSeq);
    const resent = away.receivedOn(2);
    expect(resent.map((m) => m.name)).toEqual(Array<string>(SEEKS_WHILE_AWAY).fill('replay:jump'));
    expect(seqsOf(resent)).toEqual(seqRange(lastSeen + 1, roomSeq));
    expect(resent.map((m) => m.status)).toEqual(Array<string>(SEEKS_WHILE_AWAY).fill('applied'));
    expect(resent.map((m) => (m.payload as JumpPayload).released)).toEqual(stayer.received.filter((m) => m.seq > lastSeen).map((m) => (m.payload as JumpPayload).released));
    expect(away.snapshots).toHaveLength(1);
    expect(away.bytesSince(mark)).toBeLessThanOrEqual(SEEKS_WHILE_AWAY * MAX_BYTES_PER_VIEWER_PER_MOVE);
    expect(timeOf(away.state)).toEqual(timeOf(stayer.state));
  });

  it('the memory a room holds does not grow with the story or the seeks: its log holds small messages only', async () => {
    const { room, presenter } = await roomOf(LARGE_ID);
    for (let i = 0; i < 30; i++) expect((await presenter.control({ type: 'seek', to: instantAt(room(), (i % 10) / 10) })).ok).toBe(true);
    const held = room().resume(0);
    expect(held.kind).toBe('messages');
    if (held.kind !== 'messages') return;
    expect(held.messages).toHaveLength(30);
    for (const message of held.messages) expect(JSON.stringify(message).length).toBeLessThanOrEqual(MAX_BYTES_PER_VIEWER_PER_MOVE);
  });
});
