import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoryTime } from '@/lib/events/schema';
import { NOT_DATED, suggestDates, type DateSuggestion } from '@/lib/studio/dateSuggestions';
import type { TimeReading } from '@/lib/studio/timeReadings';

const STORY = path.resolve(import.meta.dirname, '../../../events/2025-04-putin-trump');
const ARTICLE = readFileSync(path.join(STORY, 'article.txt'), 'utf8');
/** The seed article was published on Friday 25 April 2025; that week began on Monday 21 April. */
const PUBLISHED = '2025-04-25';

type Time = TimeReading;
const day = (date: string) => ({ date, precision: 'day' as const });
const point = (date: string, precision: 'exact' | 'day' | 'week' | 'month' | 'season' | 'year'): Time => ({ kind: 'point', date, precision });
const BY_PUBLICATION: Time = { kind: 'range', end: day(PUBLISHED) };

const withoutWords = ({ asWritten: _asWritten, ...time }: StoryTime): TimeReading => time;

/**
 * Every date expression of the seed article, with the time it means — worked out from the calendar
 * (25 Apr 2025 is a Friday), not from the code. Alternatives follow the first reading where the words allow two.
 */
const ARTICLE_EXPRESSIONS: { words: string; expected: Time[]; why: string }[] = [
  {
    words: 'in three months',
    expected: [{ kind: 'range', start: { date: '2025-01-01', precision: 'month' }, end: day(PUBLISHED) }],
    why: 'three months before 25 Apr is 25 Jan: from January to publication',
  },
  { words: 'this Friday', expected: [point('2025-04-25', 'day')], why: 'the publication day is a Friday' },
  {
    words: 'This week',
    expected: [{ kind: 'range', start: day('2025-04-21'), end: day(PUBLISHED) }, point('2025-04-21', 'week')],
    why: 'Monday 21 Apr to publication, or the whole week of 21 Apr',
  },
  { words: 'late Thursday', expected: [point('2025-04-24', 'day')], why: 'the Thursday before Friday 25 Apr; no time of day, so a day' },
  {
    words: 'this past week',
    expected: [{ kind: 'range', start: day('2025-04-19'), end: day(PUBLISHED) }],
    why: 'the seven days ending on publication: 19-25 Apr',
  },
  { words: 'on Thursday', expected: [point('2025-04-24', 'day')], why: 'the Thursday before publication' },
  { words: 'in 2022', expected: [point('2022-01-01', 'year')], why: 'a year: 1 Jan' },
  {
    words: 'after 1997',
    expected: [{ kind: 'range', start: { date: '1998-01-01', precision: 'year' }, end: day(PUBLISHED) }],
    why: 'after 1997 is from 1998 on, up to publication',
  },
  { words: 'in recent weeks', expected: [BY_PUBLICATION], why: 'no start given: on or before publication' },
  { words: 'On Monday', expected: [point('2025-04-21', 'day')], why: 'the Monday BEFORE Friday 25 Apr (news reports the past), not 28 Apr' },
  { words: 'on April 4', expected: [point('2025-04-04', 'day')], why: 'no year written: the 4 April before publication' },
  { words: 'in fall 2022', expected: [point('2022-09-01', 'season')], why: 'meteorological fall starts on 1 Sep' },
  { words: '2018', expected: [point('2018-01-01', 'year')], why: '"the 2018 election campaign": the year' },
  { words: 'last week', expected: [point('2025-04-14', 'week')], why: 'the week before the week of 21 Apr starts on Monday 14 Apr' },
];

function offsetOf(words: string): number {
  const start = ARTICLE.indexOf(words);
  expect(start, `"${words}" is in the article`).toBeGreaterThanOrEqual(0);
  expect(ARTICLE.lastIndexOf(words), `"${words}" occurs once`).toBe(start);
  return start;
}

const datedOnly = (suggestions: DateSuggestion[]) => suggestions.filter((s) => s.source !== 'default');

describe('suggestDates on the seed article (published Friday 25 Apr 2025)', () => {
  it.each(ARTICLE_EXPRESSIONS)('"$words" → $why', ({ words, expected }) => {
    const start = offsetOf(words);
    const suggestions = suggestDates({ text: ARTICLE, quoteStart: start, quoteEnd: start + words.length, published: PUBLISHED });
    const fromWords = suggestions.filter((s) => s.start === start && s.source !== 'default');
    expect(fromWords.map((s) => withoutWords(s.time))).toEqual(expected);
    expect(suggestions.slice(0, expected.length)).toEqual(fromWords);
    for (const s of fromWords) {
      expect(s).toMatchObject({ words, end: start + words.length, source: 'sentence' });
      expect(s.time.asWritten).toBe(words);
    }
  });

  it('finds these expressions and no others in the whole article ("in almost a year", "In the weeks leading up to" are no dates)', () => {
    const found = new Map<number, string>();
    let offset = 0;
    for (const line of ARTICLE.split('\n')) {
      if (line.trim()) {
        for (const s of datedOnly(suggestDates({ text: ARTICLE, quoteStart: offset, quoteEnd: offset + line.length, published: PUBLISHED }))) {
          if (!s.time.asWritten.startsWith(NOT_DATED)) found.set(s.start, s.words);
        }
      }
      offset += line.length + 1;
    }
    const expected = ARTICLE_EXPRESSIONS.map(({ words }) => [offsetOf(words), words] as const).sort((a, b) => a[0] - b[0]);
    expect([...found].sort((a, b) => a[0] - b[0])).toEqual(expected);
  });
});

const sentence = (text: string, published = PUBLISHED) => suggestDates({ text, quoteStart: 0, quoteEnd: text.length, published });
const first = (text: string, published = PUBLISHED) => sentence(text, published)[0];

describe('suggestDates: the expressions named by the issue, in sentences of their own', () => {
  it.each<[string, string, Time, string]>([
    ['2025-04-25 (Fri)', 'He spoke on Monday.', point('2025-04-21', 'day'), 'on Monday'],
    ['2025-04-21 (Mon, the same day)', 'He spoke on Monday.', point('2025-04-21', 'day'), 'on Monday'],
    ['2025-04-25 (Fri)', 'It fell last week.', point('2025-04-14', 'week'), 'last week'],
    ['2025-01-01 (Wed)', 'It fell last week.', point('2024-12-23', 'week'), 'last week'],
    ['2025-04-25 (Fri)', 'It grew this past week.', { kind: 'range', start: day('2025-04-19'), end: day('2025-04-25') }, 'this past week'],
    ['2025-04-25 (Fri)', 'It aired late Thursday.', point('2025-04-24', 'day'), 'late Thursday'],
    ['2025-04-25 (Fri)', 'A strike on April 4 killed nine.', point('2025-04-04', 'day'), 'on April 4'],
    ['2025-04-25 (Fri)', 'The annexation in fall 2022 stands.', point('2022-09-01', 'season'), 'in fall 2022'],
    ['2025-04-25 (Fri)', 'Winter 2022 was cold.', point('2022-12-01', 'season'), 'Winter 2022'],
    ['2025-04-25 (Fri)', 'Strikes grew in recent weeks.', BY_PUBLICATION, 'in recent weeks'],
    ['2025-04-25 (Fri)', 'He ran a campaign in 2018.', point('2018-01-01', 'year'), 'in 2018'],
    ['2025-04-25 (Fri)', 'It rained earlier this month.', { kind: 'range', start: day('2025-04-01'), end: day('2025-04-25') }, 'earlier this month'],
    ['2025-01-15 (Wed)', 'It rained last month.', point('2024-12-01', 'month'), 'last month'],
    ['2025-04-25 (Fri)', 'It rained last year.', point('2024-01-01', 'year'), 'last year'],
    ['2025-04-25 (Fri)', 'They met yesterday.', point('2025-04-24', 'day'), 'yesterday'],
    ['2025-04-25 (Fri)', 'Since 2018 it grew.', { kind: 'range', start: { date: '2018-01-01', precision: 'year' }, end: day('2025-04-25') }, 'Since 2018'],
    ['2025-04-25 (Fri)', 'Before April 4 it was calm.', { kind: 'range', end: day('2025-04-03') }, 'Before April 4'],
    ['2025-04-25 (Fri)', 'It began at 3 p.m. GMT on Tuesday.', point('2025-04-22T15:00Z', 'exact'), 'at 3 p.m. GMT on Tuesday'],
    ['2025-04-25 (Fri)', 'It began at 3 p.m. on Tuesday.', point('2025-04-22', 'day'), 'at 3 p.m. on Tuesday'],
    ['2025-04-25 (Fri)', 'They fought from April 4 to April 6.', { kind: 'range', start: day('2025-04-04'), end: day('2025-04-06') }, 'from April 4 to April 6'],
    ['2025-04-25 (Fri)', 'Talks are due in the coming weeks.', { kind: 'range', start: day('2025-04-25') }, 'in the coming weeks'],
  ])('published %s: "%s"', (publishedDay, text, expected, words) => {
    const published = publishedDay.slice(0, 10);
    const best = first(text, published);
    expect(best && withoutWords(best.time)).toEqual(expected);
    expect(best).toMatchObject({ words, start: text.indexOf(words), end: text.indexOf(words) + words.length, source: 'sentence' });
  });
});

describe('suggestDates: no date words, ambiguous words', () => {
  it('defaults to "before publication": a range ending on the publication day, from no words', () => {
    const text = 'Security footage revealed that the gathering involved women attending a beauty industry event.';
    expect(suggestDates({ text, quoteStart: 9, quoteEnd: 40, published: PUBLISHED })).toEqual([
      { time: { kind: 'range', end: day(PUBLISHED), asWritten: NOT_DATED }, words: '', start: 9, end: 9, source: 'default' },
    ]);
  });

  it('keeps the default last among the sentence\'s dates', () => {
    expect(sentence('On Monday he spoke.').map((s) => s.source)).toEqual(['sentence', 'default']);
  });

  it.each<[string, string, string[]]>([
    // No year: chrono takes the nearest; a date after publication also gets the year before.
    ['April 4 (21 days before publication)', 'It happened on April 4.', ['2025-04-04']],
    ['May 10 (15 days after publication)', 'It happened on May 10.', ['2025-05-10', '2024-05-10']],
    ['April 30 (5 days after publication)', 'It happened on April 30.', ['2025-04-30', '2024-04-30']],
    ['December 4 (nearer in the year before)', 'It happened on December 4.', ['2024-12-04']],
  ])('a year-less date: %s', (_label, text, dates) => {
    expect(datedOnly(sentence(text)).map((s) => s.time.kind === 'point' && s.time.date)).toEqual(dates);
  });

  it.each<[string, string]>([
    ['Monday', '2025-04-21'],
    ['Tuesday', '2025-04-22'],
    ['Thursday', '2025-04-24'],
    ['Friday', '2025-04-25'],
    ['Saturday', '2025-04-19'],
    ['Sunday', '2025-04-20'],
  ])('a bare weekday is the most recent one on or before publication: %s → %s', (weekday, date) => {
    expect(first(`They met on ${weekday}.`)?.time).toEqual({ kind: 'point', date, precision: 'day', asWritten: `on ${weekday}` });
  });

  it('reads "next Monday" forward and gives no year-before alternative to a weekday', () => {
    expect(datedOnly(sentence('They meet next Monday.')).map((s) => withoutWords(s.time))).toEqual([point('2025-04-28', 'day')]);
  });

  it('reads only the text near the quote in a huge paragraph (a 1.4 MB paste on one line)', () => {
    const filler = 'Officials said the strike hit the city and talks resumed. '.repeat(12_000);
    const text = `It began in 2018. ${filler}The annexation in fall 2022 stands. ${filler}`;
    const start = text.indexOf('The annexation');
    const suggestions = suggestDates({ text, quoteStart: start, quoteEnd: start + 30, published: PUBLISHED });
    expect(suggestions.map((s) => [s.words, s.start])).toEqual([
      ['in fall 2022', text.indexOf('in fall 2022')],
      ['', start],
    ]);
  });

  it('counts offsets in UTF-16 code units past other scripts and astral characters', () => {
    const text = 'Путин сказал 🇺🇦 «нет». He spoke on Monday.';
    const [best] = sentence(text);
    expect(best).toMatchObject({ words: 'on Monday', start: text.indexOf('on Monday'), end: text.indexOf('on Monday') + 9 });
    expect(text.slice(best?.start, best?.end)).toBe('on Monday');
  });

  it('reads English only: Cyrillic date words get the default', () => {
    expect(sentence('В понедельник Путин признал удар.').map((s) => s.source)).toEqual(['default']);
  });

  it('gives no suggestion for an invalid publication date', () => {
    expect(suggestDates({ text: 'On Monday.', quoteStart: 0, quoteEnd: 10, published: '2025-02-30' })).toEqual([]);
  });
});
