import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinRoom, type ReplayClient } from '../helpers/replayClient';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, REPO_ROOT, startTestServer, type TestServer } from '../helpers/startTestServer';
import { pollUntil } from '../helpers/pollUntil';
import { smallStory, type SaveBody } from '../helpers/studioStories';

const EDITOR_KEY = 'StudioEditorKeyOfThisTest_0123456789';
const LEFTOVER_OLD = '.old-valid-minimal-0123456789ab';
const LEFTOVER_TEMP = '.tmp-half-written-ba9876543210';

describe('the studio saves stories and the server serves them without a restart', () => {
  let server: TestServer;
  let events: ReturnType<typeof makeEventsDir>;
  const clients: ReplayClient[] = [];

  beforeAll(async () => {
    events = makeEventsDir([STORY_FOLDER]);
    // What a crash in the middle of a save leaves: the old folder moved aside (its name missing), and a half-written one.
    cpSync(path.join(REPO_ROOT, 'tests/fixtures/stories/valid-minimal'), path.join(events.dir, LEFTOVER_OLD), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'tests/fixtures/stories/valid-minimal'), path.join(events.dir, LEFTOVER_TEMP), { recursive: true });
    server = await startTestServer({ eventsDir: events.dir, env: { SITREP_EDITOR_KEY: EDITOR_KEY } });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    events?.remove();
  });

  const put = (id: string, body: unknown, key: string | undefined = EDITOR_KEY) =>
    fetch(`${server.url}/api/studio/stories/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(key !== undefined && { authorization: `Bearer ${key}` }) },
      body: JSON.stringify(body),
    });
  const getJson = async <T>(target: string) => (await (await fetch(`${server.url}${target}`)).json()) as T;
  const listedIds = async () => (await getJson<{ scenarios: { id: string }[] }>('/api/scenarios')).scenarios.map((s) => s.id);
  const createRoom = async (scenarioId: string) => {
    const response = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId }) });
    expect(response.status).toBe(201);
    const { roomId } = (await response.json()) as { roomId: string };
    const viewer = await joinRoom(server.url, { room: roomId });
    clients.push(viewer);
    return viewer;
  };

  it('at start, tidies what an interrupted save left: the moved-aside folder comes back, the half-written one goes', async () => {
    expect(readdirSync(events.dir).sort()).toEqual([STORY_ID, 'valid-minimal']);
    expect(await listedIds()).toEqual([STORY_ID, 'valid-minimal']);
    expect(server.logs.some((l) => l.level === 'warn' && l.message.includes(`restored valid-minimal from ${LEFTOVER_OLD}`))).toBe(true);
  });

  it('lists the stories with their versions and gives one out as its files hold it; putting it back unchanged keeps its version', async () => {
    const { stories } = await getJson<{ stories: { id: string; title: string; version: string }[] }>('/api/studio/stories');
    const detail = await getJson<{ storyVersion: string }>(`/api/scenarios/${STORY_ID}`);
    expect(stories).toContainEqual({ id: STORY_ID, title: 'Northtown floods (a small story for replay tests)', version: detail.storyVersion });
    const story = await getJson<SaveBody & { id: string; version: string }>(`/api/studio/stories/${STORY_ID}`);
    expect(story.version).toBe(detail.storyVersion);
    // Events in file form, as events.json holds them (a time with date and precision, not the server's `kind`).
    expect((story.events[0] as { time: Record<string, unknown> }).time).not.toHaveProperty('kind');
    const { id: _id, version, ...files } = story;
    const saved = await put(STORY_ID, { ...files, baseVersion: version });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ id: STORY_ID, version });
  });

  it('a saved story is listed, a new room replays it, and a room already replaying it keeps its version', async () => {
    const id = 'bridge-opens';
    const created = await put(id, smallStory(id, { title: 'Version one' }));
    expect(created.status).toBe(200);
    const { version: v1 } = (await created.json()) as { version: string };
    expect(await listedIds()).toContain(id);
    const oldRoom = await createRoom(id);
    expect(oldRoom.snapshots[0]?.storyVersion).toBe(v1);

    const edited = await put(id, smallStory(id, { title: 'Version two', baseVersion: v1, quotes: ['The mayor opened the new bridge on Friday', 'Crowds gathered on both banks'] }));
    expect(edited.status).toBe(200);
    const { version: v2 } = (await edited.json()) as { version: string };
    expect(v2).not.toBe(v1);

    const newRoom = await createRoom(id);
    expect(newRoom.snapshots[0]?.storyVersion).toBe(v2);
    expect(newRoom.story).toHaveLength(2);
    // A screen joining the old room now still gets the version that room replays, and loads it by version.
    const lateViewer = await joinRoom(server.url, { room: oldRoom.room?.roomId as string });
    clients.push(lateViewer);
    expect(lateViewer.snapshots[0]?.storyVersion).toBe(v1);
    expect(lateViewer.story).toHaveLength(1);

    const atV1 = await fetch(`${server.url}/api/scenarios/${id}?version=${v1}`);
    expect(atV1.headers.get('etag')).toBe(`"${v1}"`);
    expect(((await atV1.json()) as { scenario: { title: string } }).scenario.title).toBe('Version one');
    const newest = await fetch(`${server.url}/api/scenarios/${id}`);
    expect(newest.headers.get('etag')).toBe(`"${v2}"`);
    expect(((await newest.json()) as { scenario: { title: string } }).scenario.title).toBe('Version two');
    const cached = await fetch(`${server.url}/api/scenarios/${id}?version=${v1}`, { headers: { 'if-none-match': `"${v1}"` } });
    expect(cached.status).toBe(304);
    const source = await getJson<{ text: string }>(`/api/scenarios/${id}/source?version=${v1}`);
    expect(source.text).toContain('The mayor opened');
    const gone = await fetch(`${server.url}/api/scenarios/${id}?version=0123456789abcdef0123456789abcdef`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: 'not_found', message: 'This version of the story is no longer served (no room replays it)' } });
  });

  it('two editors saving the same story at once: one 200, one 409, and the stored story is the one that got 200', async () => {
    const id = 'two-editors';
    const { version } = (await (await put(id, smallStory(id))).json()) as { version: string };
    const [a, b] = await Promise.all([
      put(id, smallStory(id, { title: 'Editor A', baseVersion: version })),
      put(id, smallStory(id, { title: 'Editor B', baseVersion: version })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? ['Editor A', b] : ['Editor B', a];
    const conflict = (await loser.json()) as { error: { code: string; message: string }; currentVersion: string };
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.error.message).toMatch(/nothing was overwritten/);
    const stored = await getJson<{ version: string; scenario: { title: string } }>(`/api/studio/stories/${id}`);
    expect(stored.scenario.title).toBe(winner);
    expect(conflict.currentVersion).toBe(stored.version);
    // Creating a story whose id is taken is a conflict too.
    expect((await put(id, smallStory(id))).status).toBe(409);
  });

  it('a refused story writes nothing and answers every problem', async () => {
    const before = readdirSync(events.dir).sort();
    const body = smallStory('refused-story');
    const broken = { ...body, events: [{ ...body.events[0], type: 'rumour', importance: 7 }, { ...body.events[0], id: 'Not A Slug' }] };
    const response = await put('refused-story', broken);
    expect(response.status).toBe(422);
    const refusal = (await response.json()) as { error: { code: string; message: string }; problems: { field: string }[] };
    expect(refusal.error.code).toBe('invalid_story');
    expect(refusal.error.message).toMatch(/^The story is refused \(3 problems\); nothing was written: /);
    expect(refusal.problems.map((p) => p.field).sort()).toEqual(['id', 'importance', 'type']);
    expect(readdirSync(events.dir).sort()).toEqual(before);
    expect(await listedIds()).not.toContain('refused-story');
  });

  it('a story folder added by hand is served without a restart', async () => {
    cpSync(path.join(REPO_ROOT, 'tests/fixtures/stories/valid-minimal'), path.join(events.dir, 'hand-made'), { recursive: true });
    // Its scenario id must be its folder name: as made, it is refused (and listed as refused); mended, it is served.
    const refused = async () => (await getJson<{ refusedStories: string[] }>('/api/health')).refusedStories.some((f) => f.endsWith('hand-made'));
    await pollUntil(refused, 'the hand-made folder to be refused');
    const scenarioFile = path.join(events.dir, 'hand-made', 'scenario.json');
    writeFileSync(scenarioFile, readFileSync(scenarioFile, 'utf8').replace('"id": "valid-minimal"', '"id": "hand-made"'));
    await pollUntil(async () => (await listedIds()).includes('hand-made'), 'the mended folder to be served');
    expect((await getJson<{ refusedStories: string[] }>('/api/health')).refusedStories).toEqual([]);
  });
});
