import { describe, expect, it } from 'vitest';
import { describeTypographicDifference, typographicLabel } from '@/lib/events/quoteCheck';
import type { TypographicDifference } from '@/lib/events/quoteDiagnosis';
import { describeChar, foldTypography, originalRange } from '@/lib/events/typography';

describe('describeChar names a character by its code point and Unicode name', () => {
  it.each([
    ['\u2019', '’ (U+2019 RIGHT SINGLE QUOTATION MARK)'],
    ["'", "' (U+0027 APOSTROPHE)"],
    ['\u201C', '“ (U+201C LEFT DOUBLE QUOTATION MARK)'],
    ['-', '- (U+002D HYPHEN-MINUS)'],
    ['\u2013', '– (U+2013 EN DASH)'],
    ['\u2014', '— (U+2014 EM DASH)'],
    ['\u2026', '… (U+2026 HORIZONTAL ELLIPSIS)'],
    ['a', 'a (U+0061 LATIN SMALL LETTER A)'],
    ['Q', 'Q (U+0051 LATIN CAPITAL LETTER Q)'],
    ['7', '7 (U+0037 DIGIT SEVEN)'],
    // invisible characters: no glyph, only the code point and the name
    [' ', 'U+0020 SPACE'],
    ['\u00A0', 'U+00A0 NO-BREAK SPACE'],
    ['\u202F', 'U+202F NARROW NO-BREAK SPACE'],
    ['\u200B', 'U+200B ZERO WIDTH SPACE'],
    ['\n', 'U+000A LINE FEED'],
    // outside the table: the code point alone
    ['é', 'é (U+00E9)'],
    ['Ж', 'Ж (U+0416)'],
    ['😀', '😀 (U+1F600)'],
  ])('%j -> %s', (char, expected) => {
    expect(describeChar(char)).toBe(expected);
  });
});

describe('foldTypography makes look-alikes equal and maps back to the original', () => {
  it.each([
    ['We won’t go', "We won't go"],
    ['“Yes,” he said', '"Yes," he said'],
    ['2014–2022 — over', '2014-2022 - over'],
    ['Geneva\u00A0talks\u202Fnow', 'Geneva talks now'],
    ['and left…', 'and left...'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['plain text', 'plain text'],
  ])('%j -> %j', (original, folded) => {
    expect(foldTypography(original).text).toBe(folded);
  });

  it('maps a folded range back to the original range, the ellipsis counted as one character', () => {
    const original = 'left… and then';
    const folded = foldTypography(original);
    expect(folded.text).toBe('left... and then');
    const and = folded.text.indexOf('and');
    expect(originalRange(folded, and, and + 3, original.length)).toEqual({ start: 6, end: 9 });
    expect(originalRange(folded, 4, 7, original.length)).toEqual({ start: 4, end: 5 });
  });
});

describe('typographic differences are named', () => {
  const d = (kind: TypographicDifference['kind'], quoteChars: string, sourceChars: string, count = 1): TypographicDifference => ({
    kind,
    quoteChars,
    sourceChars,
    count,
  });
  it.each<[TypographicDifference, string]>([
    [d('quotation-mark', "'", '\u2019'), 'curly vs straight quote'],
    [d('quotation-mark', '\u201D', '"'), 'curly vs straight quote'],
    [d('quotation-mark', '\u00AB', '"'), 'different quotation marks'],
    [d('dash', '-', '\u2013'), 'en dash vs hyphen'],
    [d('dash', '\u2014', '-'), 'em dash vs hyphen'],
    [d('dash', '\u2013', '\u2014'), 'different dashes'],
    [d('space', ' ', '\u00A0'), 'non-breaking vs normal space'],
    [d('space', '\u2009', ' '), 'thin space vs normal space'],
    [d('ellipsis', '...', '\u2026'), 'ellipsis character vs three dots'],
    [d('invisible', '', '\u00AD'), 'invisible soft hyphen'],
  ])('%j -> %s', (difference, label) => {
    expect(typographicLabel(difference)).toBe(label);
  });

  it('says which side has which character, and how often', () => {
    expect(describeTypographicDifference(d('quotation-mark', "'", '\u2019', 2))).toBe(
      "curly vs straight quote: the quote has ' (U+0027 APOSTROPHE) where the source has ’ (U+2019 RIGHT SINGLE QUOTATION MARK), 2 times",
    );
    expect(describeTypographicDifference(d('ellipsis', '...', '\u2026'))).toBe(
      'ellipsis character vs three dots: the quote has ... (three U+002E FULL STOP) where the source has … (U+2026 HORIZONTAL ELLIPSIS)',
    );
    expect(describeTypographicDifference(d('invisible', '', '\u00AD'))).toBe(
      'invisible soft hyphen: the quote has nothing where the source has U+00AD SOFT HYPHEN',
    );
  });
});
