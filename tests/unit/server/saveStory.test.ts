import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type LogDestination } from '@/lib/server/logger';
import { editableStory } from '@/lib/server/studio/editableStory';
import { saveStory } from '@/lib/server/studio/saveStory';
import { StoryLibrary } from '@/lib/server/studio/storyLibrary';
import { nodeFolderFs } from '@/lib/storyFiles/replaceStoryFolder';
import { eventQuoting, smallStory } from '../../helpers/studioStories';

let dir: string;
let library: StoryLibrary;
let lines: string[];
const logger = () => createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } satisfies LogDestination });

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-save-'));
  lines = [];
  library = new StoryLibrary(dir, logger());
  await library.rescan();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saveStory', () => {
  it('creates a story folder the loader reads, and serves it at once', async () => {
    const saved = await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    expect(saved).toMatchObject({ ok: true });
    expect(readdirSync(path.join(dir, 'bridge-opens')).sort()).toEqual(['article.txt', 'events.json', 'scenario.json']);
    expect(library.catalog.version('bridge-opens')).toBe(saved.ok && saved.version);
    // A second library reading the folder from disk finds the same story, at the same version.
    const fresh = new StoryLibrary(dir, logger());
    await fresh.rescan();
    expect(fresh.catalog.version('bridge-opens')).toBe(library.catalog.version('bridge-opens'));
  });

  it('two saves from the same version at once: the first is stored, the second is a conflict and overwrites nothing', async () => {
    const created = await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    if (!created.ok) throw new Error('not created');
    const [first, second] = await Promise.all([
      saveStory(library, 'bridge-opens', smallStory('bridge-opens', { title: 'First editor', baseVersion: created.version }), logger()),
      saveStory(library, 'bridge-opens', smallStory('bridge-opens', { title: 'Second editor', baseVersion: created.version }), logger()),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, code: 'conflict', currentVersion: first.ok ? first.version : 'none' });
    expect(library.catalog.get('bridge-opens')?.scenario.title).toBe('First editor');
    expect(JSON.parse(readFileSync(path.join(dir, 'bridge-opens', 'scenario.json'), 'utf8'))).toMatchObject({ title: 'First editor' });
  });

  it('creating a story whose id is taken is a conflict', async () => {
    await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    expect(await saveStory(library, 'bridge-opens', smallStory('bridge-opens', { title: 'Another' }), logger())).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/already exists/),
    });
  });

  it('a hand edit on disk since the editor loaded the story counts: the save is a conflict', async () => {
    const created = await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    if (!created.ok) throw new Error('not created');
    const file = path.join(dir, 'bridge-opens', 'scenario.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A bridge opens', 'Edited by hand'));
    const saved = await saveStory(library, 'bridge-opens', smallStory('bridge-opens', { title: 'Studio', baseVersion: created.version }), logger());
    expect(saved).toMatchObject({ ok: false, code: 'conflict' });
    expect(library.catalog.get('bridge-opens')?.scenario.title).toBe('Edited by hand');
  });

  it('a refused story writes nothing and lists every problem', async () => {
    const body = smallStory('bridge-opens');
    const broken = {
      ...body,
      scenario: { ...body.scenario, published: '2025-02-30' },
      events: [{ ...body.events[0], type: 'rumour', quote: { text: 'not in the text', start: 0, end: 15 } }],
    };
    const saved = await saveStory(library, 'bridge-opens', broken, logger());
    expect(saved.ok).toBe(false);
    if (saved.ok || saved.code !== 'invalid_story') throw new Error('expected refused');
    expect(saved.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['published']));
    expect(readdirSync(dir)).toEqual([]);
    expect(library.catalog.get('bridge-opens')).toBeUndefined();
  });

  it('a binary source text is refused naming the field and the reason; nothing is written', async () => {
    const saved = await saveStory(library, 'bridge-opens', { ...smallStory('bridge-opens'), sourceText: 'GIF89a\u0000\u0001' }, logger());
    expect(saved).toMatchObject({ ok: false, code: 'invalid_story', problems: expect.arrayContaining([expect.objectContaining({ field: 'sourceText', reason: expect.stringMatching(/NUL/) })]) });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a source file name that would escape or clobber the folder is refused', async () => {
    for (const file of ['..', 'events.json', '.hidden', 'a/b']) {
      const body = smallStory('bridge-opens');
      const saved = await saveStory(library, 'bridge-opens', { ...body, scenario: { ...body.scenario, source: { file, citation: 'x' } } }, logger());
      expect(saved, file).toMatchObject({ ok: false, code: 'invalid_story', problems: expect.arrayContaining([expect.objectContaining({ field: 'source.file' })]) });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a text in another script saves, its quote offsets counted in UTF-16 code units (after an emoji, after Cyrillic)', async () => {
    const sourceText = 'Праздник 🎉 у моста. Мэр открыл новый мост в пятницу. مرحبا بالجميع\n';
    const quotes = ['Мэр открыл новый мост', 'مرحبا بالجميع'];
    const saved = await saveStory(library, 'most-otkryt', smallStory('most-otkryt', { sourceText, quotes }), logger());
    expect(saved).toMatchObject({ ok: true });
    // The emoji is two code units: the first quote starts at 21 (20 code points).
    expect(library.catalog.get('most-otkryt')?.events.find((e) => e.id === 'event-1')?.quote).toMatchObject({ start: 21, end: 42 });
    expect(readFileSync(path.join(dir, 'most-otkryt', 'article.txt'), 'utf8')).toBe(sourceText);
    // Offsets counted in code points (one less after the emoji) are refused.
    const byCodePoints = eventQuoting('event-1', sourceText, quotes[0] as string);
    const shifted = { ...byCodePoints, quote: { text: quotes[0], start: 20, end: 41 } };
    const refused = await saveStory(library, 'most-otkryt-2', { ...smallStory('most-otkryt-2', { sourceText, quotes }), events: [shifted] }, logger());
    expect(refused).toMatchObject({ ok: false, code: 'invalid_story' });
  });

  it('a failure while writing leaves the stored story as it was', async () => {
    const created = await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    if (!created.ok) throw new Error('not created');
    const failing = { ...nodeFolderFs, rename: () => Promise.reject(new Error('disk full')) };
    await expect(saveStory(library, 'bridge-opens', smallStory('bridge-opens', { title: 'Lost', baseVersion: created.version }), logger(), failing)).rejects.toThrow('disk full');
    expect(library.catalog.version('bridge-opens')).toBe(created.version);
    expect(readdirSync(dir)).toEqual(['bridge-opens']);
    // The queue goes on after a failure.
    expect(await saveStory(library, 'bridge-opens', smallStory('bridge-opens', { title: 'Kept', baseVersion: created.version }), logger())).toMatchObject({ ok: true });
  });
});

describe('StoryLibrary.rescan', () => {
  it('adds a folder made by hand, follows its edits, keeps the last good version of a broken edit, and withdraws a deleted one', async () => {
    await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    const other = new StoryLibrary(dir, logger());
    await other.rescan();
    expect(other.catalog.ids()).toEqual(['bridge-opens']);
    const v1 = other.catalog.version('bridge-opens');

    const file = path.join(dir, 'bridge-opens', 'scenario.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A bridge opens', 'Edited by hand'));
    await other.rescan();
    expect(other.catalog.get('bridge-opens')?.scenario.title).toBe('Edited by hand');
    const v2 = other.catalog.version('bridge-opens');
    expect(v2).not.toBe(v1);

    writeFileSync(file, '{ "id": ');
    await other.rescan();
    expect(other.catalog.version('bridge-opens')).toBe(v2);
    expect(other.failures().map((f) => path.basename(f.folder))).toEqual(['bridge-opens']);
    expect(lines.some((line) => line.includes('its last valid version is still served'))).toBe(true);

    rmSync(path.join(dir, 'bridge-opens'), { recursive: true });
    await other.rescan();
    expect(other.catalog.ids()).toEqual([]);
    expect(other.failures()).toEqual([]);
  });
});

describe('editableStory', () => {
  it('gives the folder as its files hold it, with the version a save compares with', async () => {
    const body = smallStory('bridge-opens');
    const saved = await saveStory(library, 'bridge-opens', body, logger());
    if (!saved.ok) throw new Error('not saved');
    expect(await editableStory(library, 'bridge-opens')).toEqual({
      ok: true,
      story: { id: 'bridge-opens', version: saved.version, scenario: body.scenario, events: body.events, sourceText: body.sourceText },
    });
    expect(await editableStory(library, 'no-such-story')).toEqual({ ok: false, code: 'not_found' });
  });

  it('a folder broken by hand: given out with the version still served when its JSON parses, its problems when it does not', async () => {
    const saved = await saveStory(library, 'bridge-opens', smallStory('bridge-opens'), logger());
    if (!saved.ok) throw new Error('not saved');
    const file = path.join(dir, 'bridge-opens', 'scenario.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"published": "2025-03-14"', '"published": "2025-02-30"'));
    const broken = await editableStory(library, 'bridge-opens');
    expect(broken).toMatchObject({ ok: true, story: { version: saved.version, scenario: { published: '2025-02-30' } } });
    writeFileSync(file, '{ "id": ');
    const unreadable = await editableStory(library, 'bridge-opens');
    expect(unreadable).toMatchObject({ ok: false, code: 'invalid_story', problems: [expect.objectContaining({ file: expect.stringMatching(/scenario\.json$/) })] });
  });
});
