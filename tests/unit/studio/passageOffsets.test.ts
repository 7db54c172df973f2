import { describe, expect, it } from 'vitest';
import { occurrencesOf } from '@/lib/studio/occurrences';
import { paragraphsOf, passageBetween, passageFromPoints, sentencesOf, sourceOffsetOf } from '@/lib/studio/passageOffsets';

// Three paragraphs: a plain one, one with a non-BMP character (two UTF-16 units) and a line break inside, one in Cyrillic.
const TEXT = 'First line of text.\n\n  Flag \u{1F1FA}\u{1F1E6} waves; a \u{1D400} bold A.\nSame paragraph.\r\n\r\n\nКиев сегодня. Второе.\n';

describe('paragraphsOf', () => {
  it('splits on blank lines and trims each paragraph; every paragraph is a slice of the text', () => {
    const paragraphs = paragraphsOf(TEXT);
    expect(paragraphs.map((p) => TEXT.slice(p.start, p.end))).toEqual([
      'First line of text.',
      'Flag \u{1F1FA}\u{1F1E6} waves; a \u{1D400} bold A.\nSame paragraph.',
      'Киев сегодня. Второе.',
    ]);
  });

  it.each([['', 0], ['\n\n\n', 0], ['one', 1], ['a\nb', 1], ['a\n\nb\n \nc', 3]])('%j has %i paragraphs', (text, count) => {
    expect(paragraphsOf(text)).toHaveLength(count);
  });
});

describe('selection points to source offsets (UTF-16 code units)', () => {
  const paragraphs = paragraphsOf(TEXT);
  const second = TEXT.slice(paragraphs[1]?.start, paragraphs[1]?.end);
  const cases: { name: string; anchor: [number, number]; focus: [number, number]; expected: string | undefined }[] = [
    { name: 'a word of the first paragraph', anchor: [0, 6], focus: [0, 10], expected: 'line' },
    { name: 'the flag (two non-BMP characters, four units)', anchor: [1, 5], focus: [1, 9], expected: '\u{1F1FA}\u{1F1E6}' },
    { name: 'a non-BMP letter after the flag', anchor: [1, second.indexOf('\u{1D400}')], focus: [1, second.indexOf('\u{1D400}') + 2], expected: '\u{1D400}' },
    { name: 'a backwards selection across the line break', anchor: [1, second.indexOf('Same') + 4], focus: [1, second.indexOf('bold')], expected: 'bold A.\nSame' },
    { name: 'across two paragraphs', anchor: [0, 11], focus: [1, 4], expected: 'of text.\n\n  Flag' },
    { name: 'Cyrillic', anchor: [2, 5], focus: [2, 12], expected: 'сегодня' },
    { name: 'past the end of a paragraph clamps to its end', anchor: [0, 15], focus: [0, 999], expected: 'ext.' },
    { name: 'white space only', anchor: [0, 5], focus: [0, 6], expected: undefined },
    { name: 'a paragraph that does not exist', anchor: [7, 0], focus: [0, 3], expected: undefined },
  ];
  it.each(cases)('$name', ({ anchor, focus, expected }) => {
    const passage = passageFromPoints(TEXT, paragraphs, { paragraphIndex: anchor[0], unitsBefore: anchor[1] }, { paragraphIndex: focus[0], unitsBefore: focus[1] });
    expect(passage?.text).toBe(expected);
    if (passage) expect(TEXT.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('a paragraph point is its paragraph start plus the units before it', () => {
    expect(sourceOffsetOf(paragraphs, { paragraphIndex: 1, unitsBefore: 5 })).toBe(TEXT.indexOf('\u{1F1FA}'));
    expect(sourceOffsetOf(paragraphs, { paragraphIndex: 2, unitsBefore: 0 })).toBe(TEXT.indexOf('Киев'));
  });

  it('a boundary inside a surrogate pair moves outward, never splitting the character', () => {
    const at = TEXT.indexOf('\u{1D400}');
    expect(passageBetween(TEXT, at + 1, at + 1 + 1)).toEqual({ text: '\u{1D400}', start: at, end: at + 2 });
  });
});

describe('sentencesOf', () => {
  it('steps through the sentences of a paragraph, each a slice of the text', () => {
    const paragraphs = paragraphsOf(TEXT);
    const sentences = sentencesOf(TEXT, paragraphs[2] ?? { start: 0, end: 0 });
    expect(sentences.map((s) => s.text)).toEqual(['Киев сегодня.', 'Второе.']);
    for (const s of sentences) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('occurrencesOf', () => {
  const text = 'The talks ended. Officials said the talks ended without a deal. The talks';
  it('finds every occurrence with its context', () => {
    const found = occurrencesOf(text, 'the talks', 8);
    expect(found.map((o) => o.start)).toEqual([text.indexOf('the talks')]);
    const all = occurrencesOf(text, 'talks ended', 8);
    expect(all.map((o) => [o.start, o.before, o.after])).toEqual([
      [4, 'The ', '. Offici'],
      [36, 'aid the ', ' without'],
    ]);
  });
  it('finds overlapping occurrences and none of an empty passage', () => {
    expect(occurrencesOf('aaaa', 'aa').map((o) => o.start)).toEqual([0, 1, 2]);
    expect(occurrencesOf('aaaa', '')).toEqual([]);
  });
});
