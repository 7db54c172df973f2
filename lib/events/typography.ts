/**
 * Characters that look alike in print but are different code units: curly and straight quotes, dashes and hyphens,
 * non-breaking and normal spaces, the ellipsis character and three dots, invisible characters. Quotes copied by
 * hand often differ from their source only in these; `foldTypography` makes them compare equal, and
 * `describeChar` names a character so a person can tell which one they typed.
 */

export type TypographicKind = 'quotation-mark' | 'dash' | 'space' | 'ellipsis' | 'invisible';

interface Variant {
  kind: TypographicKind;
  /** What the character becomes once folded ('' for an invisible character). */
  plain: string;
}

const VARIANTS = new Map<string, Variant>();
const add = (kind: TypographicKind, plain: string, chars: string) => {
  for (const char of chars) VARIANTS.set(char, { kind, plain });
};
add('quotation-mark', "'", "'\u2018\u2019\u201A\u201B\u2032\u2039\u203A`\u00B4");
add('quotation-mark', '"', '"\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB');
add('dash', '-', '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212');
add('space', ' ', ' \u00A0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000');
add('ellipsis', '...', '\u2026');
add('invisible', '', '\u00AD\u200B\u200C\u200D\u2060\uFEFF');

/** The typographic family of a character (straight ones included: `'` is a quotation mark), or undefined. */
export function typographicKind(char: string): TypographicKind | undefined {
  return VARIANTS.get(char)?.kind;
}

export interface FoldedText {
  /** The text with every typographic variant replaced by its plain form. */
  text: string;
  /** For each code unit of `text`, the index of the code unit of the original it comes from. */
  origin: Int32Array;
}

const VARIANT_CHARS = new RegExp(`[${[...VARIANTS.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Replaces curly quotes, dashes, special spaces and the ellipsis by their plain forms and drops invisible characters. */
export function foldTypography(original: string): FoldedText {
  const text = original.replace(VARIANT_CHARS, (char) => VARIANTS.get(char)?.plain ?? char);
  const origin = new Int32Array(text.length);
  let out = 0;
  for (let i = 0; i < original.length; i++) {
    const variant = VARIANTS.get(original[i] as string);
    const length = variant ? variant.plain.length : 1;
    for (let k = 0; k < length; k++) origin[out++] = i;
  }
  return { text, origin };
}

/** The original range `[start, end)` that the folded range `[foldedStart, foldedEnd)` comes from. */
export function originalRange(folded: FoldedText, foldedStart: number, foldedEnd: number, originalLength: number): { start: number; end: number } {
  const start = foldedStart < folded.origin.length ? (folded.origin[foldedStart] as number) : originalLength;
  const end = foldedEnd > foldedStart ? (folded.origin[foldedEnd - 1] as number) + 1 : start;
  return { start, end };
}

const NAMES: Record<number, string> = {
  0x09: 'CHARACTER TABULATION', 0x0a: 'LINE FEED', 0x0d: 'CARRIAGE RETURN', 0x20: 'SPACE', 0x21: 'EXCLAMATION MARK',
  0x22: 'QUOTATION MARK', 0x23: 'NUMBER SIGN', 0x24: 'DOLLAR SIGN', 0x25: 'PERCENT SIGN', 0x26: 'AMPERSAND',
  0x27: 'APOSTROPHE', 0x28: 'LEFT PARENTHESIS', 0x29: 'RIGHT PARENTHESIS', 0x2a: 'ASTERISK', 0x2b: 'PLUS SIGN',
  0x2c: 'COMMA', 0x2d: 'HYPHEN-MINUS', 0x2e: 'FULL STOP', 0x2f: 'SOLIDUS', 0x3a: 'COLON', 0x3b: 'SEMICOLON',
  0x3c: 'LESS-THAN SIGN', 0x3d: 'EQUALS SIGN', 0x3e: 'GREATER-THAN SIGN', 0x3f: 'QUESTION MARK', 0x40: 'COMMERCIAL AT',
  0x5b: 'LEFT SQUARE BRACKET', 0x5c: 'REVERSE SOLIDUS', 0x5d: 'RIGHT SQUARE BRACKET', 0x5e: 'CIRCUMFLEX ACCENT',
  0x5f: 'LOW LINE', 0x60: 'GRAVE ACCENT', 0x7b: 'LEFT CURLY BRACKET', 0x7c: 'VERTICAL LINE', 0x7d: 'RIGHT CURLY BRACKET',
  0x7e: 'TILDE', 0x85: 'NEXT LINE', 0xa0: 'NO-BREAK SPACE', 0xab: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0xad: 'SOFT HYPHEN', 0xb4: 'ACUTE ACCENT', 0xbb: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0x2002: 'EN SPACE', 0x2003: 'EM SPACE', 0x2004: 'THREE-PER-EM SPACE', 0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE', 0x2007: 'FIGURE SPACE', 0x2008: 'PUNCTUATION SPACE', 0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x2010: 'HYPHEN', 0x2011: 'NON-BREAKING HYPHEN', 0x2012: 'FIGURE DASH', 0x2013: 'EN DASH', 0x2014: 'EM DASH',
  0x2015: 'HORIZONTAL BAR', 0x2018: 'LEFT SINGLE QUOTATION MARK', 0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201a: 'SINGLE LOW-9 QUOTATION MARK', 0x201b: 'SINGLE HIGH-REVERSED-9 QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK', 0x201d: 'RIGHT DOUBLE QUOTATION MARK', 0x201e: 'DOUBLE LOW-9 QUOTATION MARK',
  0x201f: 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK', 0x2026: 'HORIZONTAL ELLIPSIS', 0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR', 0x202f: 'NARROW NO-BREAK SPACE', 0x2032: 'PRIME', 0x2033: 'DOUBLE PRIME',
  0x2039: 'SINGLE LEFT-POINTING ANGLE QUOTATION MARK', 0x203a: 'SINGLE RIGHT-POINTING ANGLE QUOTATION MARK',
  0x205f: 'MEDIUM MATHEMATICAL SPACE', 0x2060: 'WORD JOINER', 0x2212: 'MINUS SIGN', 0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};
const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** The Unicode name of a character where this module knows it (ASCII and the typographic look-alikes). */
export function unicodeName(char: string): string | undefined {
  const code = char.codePointAt(0);
  if (code === undefined) return undefined;
  if (code >= 0x30 && code <= 0x39) return `DIGIT ${DIGITS[code - 0x30]}`;
  if (code >= 0x41 && code <= 0x5a) return `LATIN CAPITAL LETTER ${char}`;
  if (code >= 0x61 && code <= 0x7a) return `LATIN SMALL LETTER ${char.toUpperCase()}`;
  return NAMES[code];
}

/** `U+2019`: the code point in the usual notation. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const INVISIBLE = /^[\s\u00AD\u200B-\u200D\u2060\uFEFF\p{Cc}]$/u;

/**
 * A character as a person can recognise it: `’ (U+2019 RIGHT SINGLE QUOTATION MARK)`; spaces and other
 * invisible characters without the glyph: `U+00A0 NO-BREAK SPACE`.
 */
export function describeChar(char: string): string {
  const label = [codePointLabel(char), unicodeName(char)].filter(Boolean).join(' ');
  return INVISIBLE.test(char) ? label : `${char} (${label})`;
}
