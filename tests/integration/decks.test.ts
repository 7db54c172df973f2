import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '@/lib/decks/deckSchema';
import type { Presentation } from '@/lib/replay/presentation';
import { joinRoom } from '../helpers/replayClient';
import { createRoom, type CreatedRoom } from '../helpers/replayServer';
import { anchorOf, STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const EVENT_ID = 'levee-gives-way';
const EVENT_MS = anchorOf(EVENT_ID);
const moment = (storyMs: number, note: string) => ({
  storyMs,
  eventId: EVENT_ID,
  filter: { types: ['claim'], actors: [] },
  chart: 'reported-deaths',
  note,
});

describe('decks over HTTP, kept across a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sitrep-decks-'));
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  let room: CreatedRoom;
  const api = (route: string, init: RequestInit & { key?: string } = {}) =>
    fetch(`${server.url}/api/rooms/${room.roomId}/deck${route}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.key !== undefined ? { authorization: `Bearer ${init.key}` } : {}),
      },
    });
  const deckOf = async (response: Response) => ((await response.json()) as { deck: Deck }).deck;

  beforeAll(async () => {
    server = await startTestServer({ eventsDir: eventsDir.dir, env: { SITREP_DATA_DIR: dataDir } });
    room = await createRoom(server, STORY_ID);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    eventsDir.remove();
  });

  it('refuses deck requests without the presenter key, or with a wrong one', async () => {
    expect((await api('')).status).toBe(403);
    expect((await api('', { key: 'x'.repeat(43) })).status).toBe(403);
    const body = JSON.stringify({ moment: moment(EVENT_MS, 'n') });
    expect((await api('/moments', { method: 'POST', body, key: 'wrong' })).status).toBe(403);
    const unknownRoom = await fetch(`${server.url}/api/rooms/no-such-room/deck`, { headers: { authorization: `Bearer ${room.presenterKey}` } });
    expect(unknownRoom.status).toBe(404);
  });

  it('adds, edits, reorders and deletes moments, with version checks', async () => {
    const empty = await deckOf(await api('', { key: room.presenterKey }));
    expect(empty).toMatchObject({ roomId: room.roomId, version: 0, moments: [] });

    const first = await api('/moments', { method: 'POST', key: room.presenterKey, body: JSON.stringify({ moment: moment(EVENT_MS, 'The levee') }) });
    expect(first.status).toBe(201);
    const second = await deckOf(await api('/moments', { method: 'POST', key: room.presenterKey, body: JSON.stringify({ moment: moment(EVENT_MS + 1, 'Second') }) }));
    const third = await deckOf(await api('/moments', { method: 'POST', key: room.presenterKey, body: JSON.stringify({ moment: moment(EVENT_MS + 2, 'Third'), atIndex: 0 }) }));
    expect(third.version).toBe(3);
    expect(third.moments.map((m) => m.note)).toEqual(['Third', 'The levee', 'Second']);

    const ids = third.moments.map((m) => m.id);
    const stale = await api('/order', { method: 'PUT', key: room.presenterKey, body: JSON.stringify({ momentIds: [...ids].reverse(), expectedVersion: second.version }) });
    expect(stale.status).toBe(409);
    const reordered = await deckOf(await api('/order', { method: 'PUT', key: room.presenterKey, body: JSON.stringify({ momentIds: [ids[1], ids[2], ids[0]], expectedVersion: 3 }) }));
    expect(reordered.moments.map((m) => m.note)).toEqual(['The levee', 'Second', 'Third']);

    const edited = await deckOf(await api(`/moments/${ids[2]}`, { method: 'PATCH', key: room.presenterKey, body: JSON.stringify({ patch: { note: 'Second, edited', chart: 'activity-by-actor' } }) }));
    expect(edited.moments[1]).toMatchObject({ note: 'Second, edited', chart: 'activity-by-actor' });
    const deleted = await deckOf(await api(`/moments/${ids[0]}?expectedVersion=${edited.version}`, { method: 'DELETE', key: room.presenterKey }));
    expect(deleted.moments.map((m) => m.note)).toEqual(['The levee', 'Second, edited']);
    expect(deleted.version).toBe(6);
  });

  it('refuses invalid moments with a message naming the field', async () => {
    const bad = await api('/moments', { method: 'POST', key: room.presenterKey, body: JSON.stringify({ moment: { ...moment(EVENT_MS, 'x'), chart: 'pie' } }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/moment\.chart/);
    const huge = await api('/moments', { method: 'POST', key: room.presenterKey, body: JSON.stringify({ moment: moment(EVENT_MS, 'x'.repeat(5_000)) }) });
    expect(huge.status).toBe(413);
  });

  it('after a restart the room, its position, its presentation and its deck are intact', async () => {
    const presenter = await joinRoom(server.url, { room: room.roomId, presenterKey: room.presenterKey });
    expect(await presenter.control({ type: 'seek', to: new Date(EVENT_MS).toISOString() })).toMatchObject({ ok: true });
    const presentation: Presentation = { momentId: null, eventId: EVENT_ID, chart: 'reported-deaths', filter: { types: [], actors: [] }, blank: false };
    expect(await presenter.control({ type: 'present', presentation })).toMatchObject({ ok: true });
    presenter.close();
    const before = await deckOf(await api('', { key: room.presenterKey }));

    await server.stop();
    server = await startTestServer({ eventsDir: eventsDir.dir, env: { SITREP_DATA_DIR: dataDir } });

    const after = await deckOf(await api('', { key: room.presenterKey }));
    expect(after).toEqual(before);
    const viewer = await joinRoom(server.url, { room: room.roomId });
    const snapshot = viewer.snapshots[0];
    expect(snapshot?.clock.positionMs).toBe(EVENT_MS);
    expect(snapshot?.clock.status).toBe('paused');
    expect(snapshot?.presentation).toEqual(presentation);
    expect(viewer.eventIds).toContain(EVENT_ID);
    viewer.close();
    // The key still controls the room after the restart.
    const presenterAgain = await joinRoom(server.url, { room: room.roomId, presenterKey: room.presenterKey });
    expect(await presenterAgain.control({ type: 'play' })).toMatchObject({ ok: true });
    presenterAgain.close();
  });
});
