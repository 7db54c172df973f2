import { describe, expect, it } from 'vitest';
import { checkDraft } from '@/lib/studio/draftCheck';
import { draftFiles } from '@/lib/studio/draftFiles';
import { newDraftEvent, type DraftStory } from '@/lib/studio/draftStory';
import { problemTarget } from '@/lib/studio/problemFields';
import { slugFromTitle, uniqueSlug } from '@/lib/studio/slugFromTitle';
import { checkSourceText, MAX_SOURCE_TEXT_BYTES } from '@/lib/studio/sourceTextInput';

describe('checkSourceText', () => {
  it.each([
    ['plain text, CRLF line ends normalised', 'a\r\nb\rc', { ok: true, text: 'a\nb\nc' }],
    ['a NUL byte', 'PK\u0003\u0004\u0000\u0000', { ok: false, message: expect.stringContaining('not plain text') }],
    ['a replacement character', 'caf\uFFFD', { ok: false, message: expect.stringContaining('not plain text') }],
    ['a control character', 'a\u0007b', { ok: false, message: expect.stringContaining('control character U+0007') }],
    ['only white space', ' \n ', { ok: false, message: 'The pasted text is empty.' }],
  ])('%s', (_name, raw, expected) => {
    expect(checkSourceText(raw, 'pasted')).toEqual(expected);
  });
  it('refuses a text over 2 MB of UTF-8, counting bytes, not characters', () => {
    expect(checkSourceText('a'.repeat(MAX_SOURCE_TEXT_BYTES), 'file').ok).toBe(true);
    const cyrillic = 'ж'.repeat(MAX_SOURCE_TEXT_BYTES / 2 + 1);
    expect(checkSourceText(cyrillic, 'file')).toEqual({ ok: false, message: 'The file is 2.0 MB; a story\'s source text can be at most 2 MB.' });
  });
});

describe('slugFromTitle', () => {
  it.each([
    ['Putin, Trump and the strikes on Ukraine', 'putin-trump-and-the-strikes-on-ukraine'],
    ['  Élysée  talks — 2025 ', 'elysee-talks-2025'],
    ['Киев', ''],
  ])('%j -> %j', (title, slug) => expect(slugFromTitle(title)).toBe(slug));
  it('stops at a whole word within the limit', () => expect(slugFromTitle('alpha beta gamma', 11)).toBe('alpha-beta'));
  it('numbers a taken slug', () => expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3'));
});

const SOURCE = 'On Monday, a drone struck a market. At least four people were killed, officials said.';

function story(): DraftStory {
  const quote = { text: 'a drone struck a market', start: 11, end: 34 };
  const event = { ...newDraftEvent('market-strike', quote, '2025-04-25'), type: 'strike' as const, title: 'Drone strikes a market', summary: 'A drone hit a market.', attribution: 'officials' };
  event.time.asWritten = 'before publication';
  event.casualties.killed.total = { value: '4', qualifier: 'at-least' };
  event.casualties.killed.children = { value: '1', qualifier: 'exact' };
  return {
    scenario: { id: 'market-story', title: 'A market', summary: 'A strike.', published: '2025-04-25', publishedTime: '14:30', sourceName: 'The Daily', sourceUrl: 'https://example.org/a', sourceFile: '' },
    events: [event],
    sourceText: SOURCE,
  };
}

describe('checkDraft', () => {
  it('a complete draft passes the story checker and previews every event', () => {
    const files = draftFiles(story());
    expect(files.scenario).toMatchObject({ source: { file: 'article.txt', citation: 'The Daily (published 2025-04-25 14:30)', url: 'https://example.org/a' } });
    expect(files.scenario).toMatchObject({ format: 2 });
    expect(files.events[0]).toMatchObject({ casualties: { killed: { count: 4, qualifier: 'at-least', children: { count: 1, qualifier: 'exact' } } }, time: { end: { date: '2025-04-25', precision: 'day' }, asWritten: 'before publication' } });
    const check = checkDraft(files, 'market-story');
    expect(check.problems).toEqual([]);
    expect(check.preview?.events.map((e) => e.id)).toEqual(['market-strike']);
  });

  it('reports every problem at once, each pointing to its control, and previews the events that pass', () => {
    const draft = story();
    const base = draft.events[0] ?? newDraftEvent('x', { text: 'x', start: 0, end: 1 }, '2025-04-25');
    draft.events.push({ ...base, id: 'second', title: '', quote: { text: 'a drone struck', start: 11, end: 25 }, actors: [{ name: '', role: 'x', asWritten: '' }] });
    draft.scenario.sourceUrl = 'not a url';
    const check = checkDraft(draftFiles(draft), 'market-story');
    expect(check.problems.map((p) => [p.field, problemTarget(p)])).toEqual([
      ['source.url', { eventIndex: undefined, controlId: 'story-source-url' }],
      ['title', { eventIndex: 1, controlId: 'event-title' }],
      ['actors[0].name', { eventIndex: 1, controlId: 'event-actor-0-name' }],
    ]);
    draft.scenario.sourceUrl = '';
    const again = checkDraft(draftFiles(draft), 'market-story');
    expect(again.problems.map((p) => problemTarget(p))).toEqual([
      { eventIndex: 1, controlId: 'event-title' },
      { eventIndex: 1, controlId: 'event-actor-0-name' },
    ]);
    expect(again.preview?.events.map((e) => e.id)).toEqual(['market-strike']);
  });

  it('a quote at the wrong offsets is reported on the quote', () => {
    const draft = story();
    const event = draft.events[0];
    if (event) event.quote = { text: 'a drone struck a market', start: 0, end: 23 };
    expect(checkDraft(draftFiles(draft), 'market-story').problems.map((p) => problemTarget(p).controlId)).toEqual(['event-quote']);
  });
});
