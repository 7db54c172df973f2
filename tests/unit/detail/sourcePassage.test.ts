import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcePassage } from '@/lib/events/sourcePassage';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

/** A quote given by its text, found at its first occurrence (after `from`). */
function quoteOf(text: string, passage: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`test passage not in text: ${passage}`);
  return { start, end: start + passage.length };
}

const TEXT = 'First paragraph here.\nSecond one, in the middle.\nThe last paragraph.';

describe('sourcePassage', () => {
  it.each<[string, string, string, string, string]>([
    ['in the middle of a paragraph', 'one, in', 'Second ', 'one, in', ' the middle.'],
    ['at the start of the text', 'First', '', 'First', ' paragraph here.'],
    ['at the end of the text', 'paragraph.', 'The last ', 'paragraph.', ''],
    ['at the start of a paragraph', 'Second', '', 'Second', ' one, in the middle.'],
    ['at the end of a paragraph', 'middle.', 'Second one, in the ', 'middle.', ''],
    ['a whole paragraph', 'Second one, in the middle.', '', 'Second one, in the middle.', ''],
    ['the whole first paragraph', 'First paragraph here.', '', 'First paragraph here.', ''],
    ['the whole last paragraph', 'The last paragraph.', '', 'The last paragraph.', ''],
  ])('a quote %s', (_case, quoted, before, quote, after) => {
    expect(sourcePassage(TEXT, quoteOf(TEXT, quoted))).toEqual({ before, quote, after });
  });

  it('takes a one-paragraph text whole', () => {
    expect(sourcePassage('Only one.', { start: 5, end: 8 })).toEqual({ before: 'Only ', quote: 'one', after: '.' });
  });

  it('keeps blank lines out of the paragraph', () => {
    const text = 'Alpha.\n\nBeta gamma.\n\nDelta.';
    expect(sourcePassage(text, quoteOf(text, 'gamma'))).toEqual({ before: 'Beta ', quote: 'gamma', after: '.' });
  });

  it('leaves the CR of a CRLF line end out of the paragraph', () => {
    const text = 'One two.\r\nThree four.\r\nFive.';
    expect(sourcePassage(text, quoteOf(text, 'Three'))).toEqual({ before: '', quote: 'Three', after: ' four.' });
    expect(sourcePassage(text, quoteOf(text, 'four.'))).toEqual({ before: 'Three ', quote: 'four.', after: '' });
  });

  it('gives every paragraph a quote runs over', () => {
    expect(sourcePassage(TEXT, quoteOf(TEXT, 'here.\nSecond'))).toEqual({
      before: 'First paragraph ',
      quote: 'here.\nSecond',
      after: ' one, in the middle.',
    });
  });

  it('counts offsets in UTF-16 code units, like the story files', () => {
    const text = 'Intro.\n“Quoted” — 🇺🇦 then words.\nEnd.';
    expect(sourcePassage(text, quoteOf(text, 'then'))).toEqual({ before: '“Quoted” — 🇺🇦 ', quote: 'then', after: ' words.' });
  });

  it.each<[string, number, number]>([
    ['an empty quote', 3, 3],
    ['an end before the start', 5, 2],
    ['a negative start', -1, 2],
    ['an end past the text', 0, TEXT.length + 1],
    ['fractional offsets', 0.5, 2],
  ])('refuses %s', (_case, start, end) => {
    expect(sourcePassage(TEXT, { start, end })).toBeNull();
  });

  it('accepts a quote that ends exactly at the end of the text', () => {
    expect(sourcePassage(TEXT, { start: TEXT.length - 1, end: TEXT.length })).toEqual({ before: 'The last paragraph', quote: '.', after: '' });
  });
});

describe('sourcePassage on the real story', async () => {
  const read = await readStoryFolder(path.resolve(import.meta.dirname, '../../../events/2025-04-putin-trump'));
  if (!read.ok) throw new Error('the first story does not load');
  const { events, sourceText } = read.story;
  const paragraphs = sourceText.split('\n');

  it.each(events.map((e) => [e.id, e] as const))('%s: the quote lies in one paragraph, which the passage rebuilds', (_id, event) => {
    const passage = sourcePassage(sourceText, event.quote);
    expect(passage).not.toBeNull();
    if (!passage) return;
    expect(passage.quote).toBe(event.quote.text);
    expect(passage.quote).not.toContain('\n');
    const paragraph = passage.before + passage.quote + passage.after;
    expect(paragraphs).toContain(paragraph);
    expect(sourceText.slice(event.quote.start - passage.before.length, event.quote.end + passage.after.length)).toBe(paragraph);
  });

  it('cuts the restaurant strike out of its paragraph', () => {
    const strike = events.find((e) => e.id === 'restaurant-strike-april-4');
    const passage = strike && sourcePassage(sourceText, strike.quote);
    expect(passage?.before.length ?? 0).toBeGreaterThan(0);
    expect(passage?.quote).toBe(strike?.quote.text);
  });
});
