import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '@/lib/events/calendar';
import type { Story } from '@/lib/events/checkStory';
import { compareEvents, timeSpan } from '@/lib/events/eventSpan';
import { formatStoryTime } from '@/lib/events/formatStoryDate';
import { formatProblem } from '@/lib/events/problems';
import type { StoryEvent } from '@/lib/events/schema';
import { listStoryFolders, readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const EVENTS_DIR = path.join(REPO_ROOT, 'events');

/** An event as written in events.json, read without the app's schema. */
interface RawEvent {
  id: string;
  time: Record<string, unknown>;
  actors: { name: string; asWritten?: string }[];
  casualties?: Record<string, RawFigure | undefined>;
  quote: { text: string; start: number; end: number };
  related?: string[];
}

interface RawCount {
  count: number;
  qualifier: string;
}
type RawFigure = Partial<RawCount> & { civilians?: RawCount; military?: RawCount; children?: RawCount };

interface RawScenario {
  format?: number;
  id: string;
  published: string;
  source: { file: string };
}

interface LoadedFolder {
  name: string;
  folderPath: string;
  story: Story | undefined;
  problems: string[];
  rawScenario: RawScenario;
  rawEvents: RawEvent[];
  sourceText: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

async function load(folderPath: string): Promise<LoadedFolder> {
  const read = await readStoryFolder(folderPath);
  const rawScenario = readJson<RawScenario>(path.join(folderPath, 'scenario.json'));
  return {
    name: path.basename(folderPath),
    folderPath,
    story: read.ok ? read.story : undefined,
    problems: read.ok ? [] : read.failure.problems.map(formatProblem),
    rawScenario,
    rawEvents: readJson<RawEvent[]>(path.join(folderPath, 'events.json')),
    sourceText: readFileSync(path.join(folderPath, rawScenario.source.file), 'utf8'),
  };
}

const folders = await listStoryFolders(EVENTS_DIR);
const loaded = await Promise.all(folders.map(load));

function storyOf(folder: LoadedFolder): Story {
  if (!folder.story) throw new Error(`${folder.name} is not a valid story:\n${folder.problems.join('\n')}`);
  return folder.story;
}

describe('the events directory', () => {
  it('holds at least the first story', () => {
    expect(loaded.map((f) => f.name)).toContain('2025-04-putin-trump');
  });
});

describe.each(loaded)('story folder $name', (folder) => {
  it('is a valid story', () => {
    expect(folder.problems).toEqual([]);
    expect(folder.story).toBeDefined();
  });

  it('has the scenario id of its folder name and a valid published date', () => {
    expect(folder.rawScenario.id).toBe(folder.name);
    expect(parseCalendarDate(folder.rawScenario.published)).toMatchObject({ ok: true });
    expect(storyOf(folder).scenario.published).toBe(folder.rawScenario.published);
  });

  it('has at least one event, and the story keeps every event of events.json', () => {
    expect(folder.rawEvents.length).toBeGreaterThan(0);
    expect(storyOf(folder).events.map((e) => e.id).sort()).toEqual(folder.rawEvents.map((e) => e.id).sort());
  });

  it('quotes the source verbatim: quote.text is exactly sourceText.slice(quote.start, quote.end)', () => {
    const wrong = folder.rawEvents
      .filter((e) => folder.sourceText.slice(e.quote.start, e.quote.end) !== e.quote.text)
      .map((e) => e.id);
    expect(wrong).toEqual([]);
    for (const e of folder.rawEvents) {
      expect(e.quote.text.length).toBeGreaterThan(0);
      expect(e.quote.end - e.quote.start).toBe(e.quote.text.length);
    }
  });

  it('gives every event a unique id', () => {
    const ids = folder.rawEvents.map((e) => e.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('serves the events in story order', () => {
    const { events } = storyOf(folder);
    const outOfOrder: string[] = [];
    for (let i = 1; i < events.length; i++) {
      const previous = events[i - 1] as StoryEvent;
      const current = events[i] as StoryEvent;
      // strictly increasing: ids are unique, so no two events compare equal
      if (!(compareEvents(previous, current) < 0)) outOfOrder.push(`${previous.id} > ${current.id}`);
    }
    expect(outOfOrder).toEqual([]);
  });

  it('is written in story format 2', () => {
    expect(folder.rawScenario.format).toBe(2);
  });

  it('reports casualties as qualified whole numbers, children killed never above an exact total', () => {
    const isCount = (value: RawCount | undefined) =>
      value !== undefined && Number.isInteger(value.count) && value.count >= 0 && ['exact', 'at-least', 'more-than', 'about'].includes(value.qualifier);
    for (const e of folder.rawEvents) {
      if (e.casualties === undefined) continue;
      const fields = Object.entries(e.casualties);
      expect(fields.length, `${e.id}: an empty casualties object says nothing`).toBeGreaterThan(0);
      for (const [field, figure] of fields) {
        expect(['killed', 'injured'], `${e.id}.casualties.${field}`).toContain(field);
        const { civilians, military, children, ...total } = figure ?? {};
        const parts = { civilians, military, children };
        const given = Object.entries(parts).filter(([, part]) => part !== undefined);
        expect(total.count !== undefined || given.length > 0, `${e.id}.casualties.${field} says nothing`).toBe(true);
        if (total.count !== undefined) expect(isCount(total as RawCount), `${e.id}.casualties.${field} = ${JSON.stringify(total)}`).toBe(true);
        for (const [name, part] of given) {
          expect(isCount(part), `${e.id}.casualties.${field}.${name} = ${JSON.stringify(part)}`).toBe(true);
          if (total.qualifier === 'exact' && part?.qualifier !== 'about') expect(part?.count).toBeLessThanOrEqual(total.count as number);
        }
      }
    }
  });

  it('keeps each name as written verbatim from the source', () => {
    const missing = folder.rawEvents.flatMap((e) => e.actors.filter((a) => a.asWritten !== undefined && !folder.sourceText.includes(a.asWritten)).map((a) => `${e.id}: ${a.asWritten}`));
    expect(missing).toEqual([]);
  });

  it('relates events only to other events of the story', () => {
    const ids = new Set(folder.rawEvents.map((e) => e.id));
    const dangling: string[] = [];
    for (const e of folder.rawEvents) {
      for (const related of e.related ?? []) {
        if (!ids.has(related) || related === e.id) dangling.push(`${e.id} -> ${related}`);
      }
    }
    expect(dangling).toEqual([]);
  });
});

describe('facts of the first story that must never regress', () => {
  const folder = loaded.find((f) => f.name === '2025-04-putin-trump');
  const rawEvent = (id: string): RawEvent => {
    const found = folder?.rawEvents.find((e) => e.id === id);
    if (!found) throw new Error(`no event "${id}" in events/2025-04-putin-trump/events.json`);
    return found;
  };
  const storyEvent = (id: string): StoryEvent => {
    const found = folder && storyOf(folder).events.find((e) => e.id === id);
    if (!found) throw new Error(`no event "${id}" in the loaded story`);
    return found;
  };
  const midnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);

  it('was published on 25 Apr 2025', () => {
    expect(folder?.rawScenario.published).toBe('2025-04-25');
  });

  it('the restaurant strike of 4 Apr 2025 killed 9 children and gives no total', () => {
    const e = rawEvent('restaurant-strike-april-4');
    expect(e.time).toMatchObject({ date: '2025-04-04', precision: 'day' });
    // "...a missile strike on a restaurant in central Ukraine on April 4 that killed nine children": no total.
    expect(e.casualties).toEqual({ killed: { children: { count: 9, qualifier: 'exact' } } });
    expect(e.casualties?.killed).not.toHaveProperty('count');
    expect(storyEvent('restaurant-strike-april-4').casualties).toEqual({ killed: { children: { count: 9, qualifier: 'exact' } } });
  });

  it('the Pavlohrad drone assault killed 3, including 1 child', () => {
    const e = rawEvent('pavlohrad-drone-assault');
    // "...a large-scale drone assault claimed three lives, including that of a child": both exact.
    const reported = { killed: { count: 3, qualifier: 'exact', children: { count: 1, qualifier: 'exact' } } };
    expect(e.casualties).toEqual(reported);
    expect(storyEvent('pavlohrad-drone-assault').casualties).toEqual(reported);
  });

  it('the Kursk claim is dated to the week starting Monday 14 Apr 2025', () => {
    expect(rawEvent('kursk-99-percent-claim').time).toMatchObject({ date: '2025-04-14', precision: 'week' });
    const { time } = storyEvent('kursk-99-percent-claim');
    expect(timeSpan(time)).toEqual({ startMs: midnight('2025-04-14'), endMs: midnight('2025-04-21'), anchorMs: midnight('2025-04-14') });
    expect(formatStoryTime(time)).toBe('week of 14 Apr 2025');
  });

  it('the annexation is dated to the season starting 1 Sep 2022 (fall 2022)', () => {
    expect(rawEvent('annexation-of-four-areas').time).toMatchObject({ date: '2022-09-01', precision: 'season' });
    const { time } = storyEvent('annexation-of-four-areas');
    expect(timeSpan(time)).toEqual({ startMs: midnight('2022-09-01'), endMs: midnight('2022-12-01'), anchorMs: midnight('2022-09-01') });
    expect(formatStoryTime(time)).toBe('fall 2022');
  });

  it("Lavrov's interview is on 24 Apr 2025", () => {
    expect(rawEvent('lavrov-cbs-interview').time).toMatchObject({ date: '2025-04-24', precision: 'day' });
    expect(formatStoryTime(storyEvent('lavrov-cbs-interview').time)).toBe('24 Apr 2025');
  });

  it('the Putin–Witkoff meeting is on 25 Apr 2025', () => {
    expect(rawEvent('putin-witkoff-fourth-session').time).toMatchObject({ date: '2025-04-25', precision: 'day' });
    expect(formatStoryTime(storyEvent('putin-witkoff-fourth-session').time)).toBe('25 Apr 2025');
  });
});
