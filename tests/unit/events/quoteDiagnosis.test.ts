import { describe, expect, it } from 'vitest';
import { nearestMatch } from '@/lib/events/approximateMatch';
import { quoteProblem } from '@/lib/events/quoteCheck';
import { diagnoseQuote, nearestPassage, type FirstDifference } from '@/lib/events/quoteDiagnosis';

const SOURCE = [
  'He said: “We won’t go” – and left… The talks in Geneva\u00A0resumed on 3 March.',
  'The council met again on 4 March; the council met again on 5 March.',
  'A flood 😀 warning.',
].join('\n');

type Case = {
  name: string;
  quote: string;
  passage: string | null;
  first?: Omit<FirstDifference, 'sourceOffset'> & { sourceChar: string | null };
  typographic?: string[];
};

/** `typographic` lists "quote chars>source chars×count". */
const CASES: Case[] = [
  { name: 'a straight apostrophe for a curly one', quote: "We won't go", passage: 'We won’t go', first: { quoteOffset: 6, quoteChar: "'", sourceChar: '’' }, typographic: ["'>’×1"] },
  {
    name: 'straight double quotes, hyphen and three dots',
    quote: 'said: "We won\'t go" - and left...',
    passage: 'said: “We won’t go” – and left…',
    first: { quoteOffset: 6, quoteChar: '"', sourceChar: '“' },
    typographic: ['">“×1', "'>’×1", '">”×1', '->–×1', '...>…×1'],
  },
  { name: 'a normal space for a no-break space', quote: 'Geneva resumed', passage: 'Geneva\u00A0resumed', first: { quoteOffset: 6, quoteChar: ' ', sourceChar: '\u00A0' }, typographic: [' >\u00A0×1'] },
  { name: 'a misspelt word', quote: 'talks in Genva resumed', passage: 'talks in Geneva\u00A0resumed', first: { quoteOffset: 12, quoteChar: 'v', sourceChar: 'e' }, typographic: [' >\u00A0×1'] },
  { name: 'a changed date', quote: 'resumed on 8 March.', passage: 'resumed on 3 March.', first: { quoteOffset: 11, quoteChar: '8', sourceChar: '3' }, typographic: [] },
  { name: 'a quote longer than the passage', quote: 'The talks in Geneva resumed on 3 March. Then', passage: 'The talks in Geneva\u00A0resumed on 3 March.\nThe ', first: { quoteOffset: 19, quoteChar: ' ', sourceChar: '\u00A0' } },
  { name: 'the nearer of two equally close passages (to the stated offset)', quote: 'council met again on 6 March', passage: 'council met again on 5 March', first: { quoteOffset: 21, quoteChar: '6', sourceChar: '5' } },
  { name: 'a different emoji (two code units each)', quote: 'flood 😁 warning', passage: 'flood 😀 warning', first: { quoteOffset: 6, quoteChar: '😁', sourceChar: '😀' } },
  { name: 'nothing like it', quote: 'zebras graze quietly by the lake', passage: null },
];

describe('nearestPassage: the closest passage, the first differing character and the typographic differences', () => {
  it.each(CASES)('$name', ({ quote, passage, first, typographic }) => {
    const near = passage === null ? 0 : SOURCE.lastIndexOf(passage);
    const found = nearestPassage(quote, SOURCE, near);
    if (passage === null) {
      expect(found).toBeNull();
      return;
    }
    expect(found).not.toBeNull();
    expect(found!.text).toBe(passage);
    expect(SOURCE.slice(found!.start, found!.end)).toBe(passage);
    if (first) {
      expect(found!.firstDifference).toEqual({ ...first, sourceOffset: found!.start + first.quoteOffset });
      expect(quote.slice(first.quoteOffset).startsWith(first.quoteChar!)).toBe(true);
      expect(SOURCE.slice(found!.firstDifference.sourceOffset).startsWith(first.sourceChar!)).toBe(true);
    }
    if (typographic) expect(found!.typographic.map((t) => `${t.quoteChars}>${t.sourceChars}×${t.count}`)).toEqual(typographic);
  });

  it('counts a distance of 0 when only typography differs', () => {
    expect(nearestPassage("We won't go", SOURCE)?.distance).toBe(0);
    expect(nearestPassage('talks in Genva resumed', SOURCE)?.distance).toBe(1);
  });
});

describe('diagnoseQuote: where a quote stands when not at its offsets', () => {
  it.each([
    ['at its offsets', { text: 'We won’t go', start: 10, end: 21 }, null],
    ['once elsewhere', { text: 'We won’t go', start: 0, end: 11 }, [{ start: 10, end: 21 }]],
    ['several times', { text: 'council met again', start: 0, end: 17 }, [{ start: 79, end: 96 }, { start: 113, end: 130 }]],
  ])('%s', (_name, quote, occurrences) => {
    const found = diagnoseQuote(quote, SOURCE);
    if (occurrences === null) expect(found).toBeNull();
    else expect(found).toEqual({ occurrences });
  });

  it.each([
    ['once', { text: 'We won’t go', start: 0, end: 11 }, /^offsets 0-11 do not match the quote; it stands once in a\.txt, at 10-21 \(--fix sets them\)$/],
    ['several times', { text: 'council met again', start: 0, end: 17 }, /^offsets 0-17 do not match the quote; it stands 2 times in a\.txt, at 79-96 and 113-130: set start and end to the one meant$/],
    ['not at all', { text: 'zebras graze quietly by the lake', start: 0, end: 32 }, /^quote not found verbatim in a\.txt, and no passage of it comes close$/],
    [
      'nearly, one look-alike apart',
      { text: "We won't go", start: 10, end: 21 },
      /^quote not found verbatim in a\.txt; nearest passage at 10-21: "We won’t go"; first difference at offset 6 of the quote \(offset 16 of the source\): the quote has ' \(U\+0027 APOSTROPHE\), the source has ’ \(U\+2019 RIGHT SINGLE QUOTATION MARK\) \(curly vs straight quote, the only difference: copy the passage from the source\)$/,
    ],
    [
      'nearly, a typo and a look-alike apart',
      { text: 'talks in Genva resumed', start: 0, end: 22 },
      /^quote not found verbatim in a\.txt; nearest passage at 39-62: "talks in Geneva\u00A0resumed"; first difference at offset 12 of the quote \(offset 51 of the source\): the quote has v \(U\+0076 LATIN SMALL LETTER V\), the source has e \(U\+0065 LATIN SMALL LETTER E\); typographic differences: non-breaking vs normal space: the quote has U\+0020 SPACE where the source has U\+00A0 NO-BREAK SPACE$/,
    ],
  ])('says where it stands: %s', (_name, quote, reason) => {
    expect(quoteProblem(quote, SOURCE, 'a.txt')?.reason).toMatch(reason);
  });
});

/** A seeded pseudo-random generator (mulberry32), so the long text is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('nearestMatch on a 10,000-character article', () => {
  const random = seeded(12);
  const WORDS = ['the', 'council', 'river', 'flood', 'said', 'on', 'Monday', 'talks', 'in', 'Geneva', 'resumed', 'after', 'a', 'week'];
  let article = '';
  while (article.length < 10_000) article += `${WORDS[Math.floor(random() * WORDS.length)]}${random() < 0.1 ? '.\n' : ' '}`;
  article = article.slice(0, 10_000);

  // Up to 100 characters the whole article is scanned; longer quotes are looked for around their verbatim pieces.
  it.each([
    ['an 80-character quote with two typos', 2_000, 80],
    ['a 300-character quote with two typos', 4_000, 300],
    ['a 2,000-character quote with two typos', 6_000, 2_000],
  ])('places %s where it was taken from', (_name, from, length) => {
    const taken = article.slice(from, from + length);
    const typed = `${taken.slice(0, length / 4)}#${taken.slice(length / 4 + 1, length - 20)}@@${taken.slice(length - 20)}`;
    const match = nearestMatch(article, typed, from);
    expect(match).toEqual({ start: from, end: from + length, distance: 3 });
  });
});
