import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '@/lib/studio/draftCheck';
import { draftFiles } from '@/lib/studio/draftFiles';
import { draftFromFiles } from '@/lib/studio/draftFromFiles';

const FOLDER = path.join(import.meta.dirname, '../../../events/2025-04-putin-trump');
const read = (name: string) => readFileSync(path.join(FOLDER, name), 'utf8');

describe('a stored story through the studio draft', () => {
  it('comes back as the same files, and passes the check', () => {
    const scenario: unknown = JSON.parse(read('scenario.json'));
    const events: unknown = JSON.parse(read('events.json'));
    const files = draftFiles(draftFromFiles({ scenario, events, sourceText: read('article.txt') }));
    expect(files.scenario).toEqual(scenario);
    expect(files.events).toEqual(events);
    expect(checkDraft(files, '2025-04-putin-trump').problems).toEqual([]);
  });
});

describe('a format 1 story through the studio draft', () => {
  it('is written in format 2: a bare number is an exact count, children killed a part of the killed', () => {
    const event = { id: 'e', casualties: { killed: 3, childrenKilled: 1, injured: 10 }, actors: [{ name: 'A', role: 'B' }] };
    const files = draftFiles(draftFromFiles({ scenario: { id: 's', source: { file: 'a.txt', citation: 'c' } }, events: [event], sourceText: 'x' }));
    expect(files.scenario).toMatchObject({ format: 2, source: { file: 'a.txt' } });
    expect(files.events[0]).toMatchObject({
      casualties: { killed: { count: 3, qualifier: 'exact', children: { count: 1, qualifier: 'exact' } }, injured: { count: 10, qualifier: 'exact' } },
      actors: [{ name: 'A', role: 'B' }],
    });
  });
});
