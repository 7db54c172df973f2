import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { importCsv } from '@/lib/studio/csvInterop';
import { draftToEvent } from '@/lib/studio/draftEvent';
import { importTimelineJs } from '@/lib/studio/timelineJsInterop';
import { makeEventsDir, REPO_ROOT, startTestServer, type TestServer } from '../helpers/startTestServer';

const STORY_ID = 'valid-minimal';
const STORY_FOLDER = `tests/fixtures/stories/${STORY_ID}`;
const FOLDER_FILES = ['scenario.json', 'events.json', 'article.txt'];

describe('story downloads: GET /api/scenarios/:id/export?format=timelinejs|csv|zip', () => {
  let server: TestServer;
  let events: ReturnType<typeof makeEventsDir>;
  let served: StoryEvent[];

  beforeAll(async () => {
    events = makeEventsDir([STORY_FOLDER]);
    server = await startTestServer({ eventsDir: events.dir });
    served = ((await (await fetch(`${server.url}/api/scenarios/${STORY_ID}`)).json()) as { events: StoryEvent[] }).events;
  });
  afterAll(async () => {
    await server?.stop();
    events?.remove();
  });

  const download = (query: string, id = STORY_ID) => fetch(`${server.url}/api/scenarios/${id}/export${query}`);

  it.each([
    { format: 'timelinejs', type: 'application/json; charset=utf-8', filename: `${STORY_ID}.timeline.json` },
    { format: 'csv', type: 'text/csv; charset=utf-8; header=present', filename: `${STORY_ID}.csv` },
    { format: 'zip', type: 'application/zip', filename: `${STORY_ID}.zip` },
  ])('$format: its content type, saved as an attachment named $filename', async ({ format, type, filename }) => {
    const response = await download(`?format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the zip unzips to the story folder, byte for byte', async () => {
    const zipped = new Uint8Array(await (await download('?format=zip')).arrayBuffer());
    const files = unzipSync(zipped);
    expect(Object.keys(files).sort()).toEqual(FOLDER_FILES.map((name) => `${STORY_ID}/${name}`).sort());
    for (const name of FOLDER_FILES) {
      expect(Buffer.from(files[`${STORY_ID}/${name}`]!).equals(readFileSync(path.join(REPO_ROOT, STORY_FOLDER, name))), name).toBe(true);
    }
  });

  it('the CSV and TimelineJS downloads import back to the events the server serves', async () => {
    const sourceText = readFileSync(path.join(REPO_ROOT, STORY_FOLDER, 'article.txt'), 'utf8');
    const csv = importCsv(await (await download('?format=csv')).text(), { sourceText });
    const timeline = importTimelineJs(await (await download('?format=timelinejs')).text(), { sourceText });
    expect([csv.problems, timeline.problems]).toEqual([[], []]);
    expect(csv.drafts.map(draftToEvent)).toEqual(served);
    expect(timeline.drafts.map(draftToEvent)).toEqual(served);
  });

  it.each([
    { name: 'no format', query: '', status: 400 },
    { name: 'an unknown format', query: '?format=xlsx', status: 400 },
    { name: 'two formats', query: '?format=csv&format=zip', status: 200 },
  ])('$name: answers $status', async ({ query, status }) => {
    const response = await download(query);
    expect(response.status).toBe(status);
    if (status >= 400) expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    else await response.arrayBuffer();
  });

  it('an unknown story: 404 in JSON', async () => {
    const response = await download('?format=csv', 'no-such-story');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    await response.arrayBuffer();
  });

  // Last: it edits the folder on disk.
  it('refuses the zip (409) once the folder on disk is no longer the version served', async () => {
    const eventsFile = path.join(events.dir, STORY_ID, 'events.json');
    writeFileSync(eventsFile, readFileSync(eventsFile, 'utf8').replace(/"importance": \d/, '"importance": 3'));
    const response = await download('?format=zip');
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await download('?format=csv')).status).toBe(200);
  });
});
