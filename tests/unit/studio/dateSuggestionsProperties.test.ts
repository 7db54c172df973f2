import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, toCalendarDate } from '@/lib/events/calendar';
import { alignmentProblem, parseDateForPrecision } from '@/lib/events/precision';
import { storyTimeSchema, type Dated, type StoryTime } from '@/lib/events/schema';
import { suggestDates, type DateSuggestion } from '@/lib/studio/dateSuggestions';
import { storyTimeToJson } from '@/lib/studio/storyTimeJson';
import { pick, randomInt, seededRandom, type Random } from '@/lib/synthetic/random';

const STORY = path.resolve(import.meta.dirname, '../../../events/2025-04-putin-trump');
const ARTICLE = readFileSync(path.join(STORY, 'article.txt'), 'utf8');
const EVENTS = JSON.parse(readFileSync(path.join(STORY, 'events.json'), 'utf8')) as {
  id: string;
  time: Record<string, unknown>;
  quote: { start: number; end: number };
}[];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS = ['spring', 'summer', 'fall', 'autumn', 'winter'];
const UNITS = ['days', 'weeks', 'months', 'years'];
const COUNTS = ['two', 'three', 'five', '10', '12'];

/** Date words of every kind the studio reads, with random values. */
const EXPRESSIONS: ((r: Random) => string)[] = [
  (r) => `on ${pick(r, WEEKDAYS)}`,
  (r) => `${pick(r, ['late', 'early', 'last', 'next', 'this'])} ${pick(r, WEEKDAYS)}`,
  (r) => `on ${pick(r, MONTHS)} ${1 + randomInt(r, 28)}`,
  (r) => `${pick(r, MONTHS)} ${1 + randomInt(r, 28)}, ${1990 + randomInt(r, 50)}`,
  (r) => `in ${pick(r, MONTHS)}${r() < 0.5 ? ` ${1990 + randomInt(r, 50)}` : ''}`,
  (r) => `in ${pick(r, SEASONS)} ${1990 + randomInt(r, 50)}`,
  (r) => `${pick(r, ['last', 'this', 'next', 'past'])} ${pick(r, SEASONS)}`,
  (r) => `${pick(r, ['in', 'since', 'after', 'before', 'by', 'the'])} ${1990 + randomInt(r, 50)}`,
  (r) => `${pick(r, ['this', 'last', 'next', 'earlier this', 'later this', 'this past', 'the past'])} ${pick(r, ['week', 'month', 'year'])}`,
  (r) => `${pick(r, ['in', 'over the past', 'for', 'within the last'])} ${pick(r, COUNTS)} ${pick(r, UNITS)}`,
  (r) => `${pick(r, ['in recent', 'in the coming', 'over the past few'])} ${pick(r, UNITS)}`,
  () => 'recently',
  (r) => pick(r, ['yesterday', 'today', 'tomorrow', 'two days ago', 'three weeks ago']),
  (r) => `at ${1 + randomInt(r, 12)} ${pick(r, ['a.m.', 'p.m.'])}${r() < 0.5 ? ' GMT' : ''} on ${pick(r, WEEKDAYS)}`,
  (r) => `at ${String(randomInt(r, 24)).padStart(2, '0')}:${String(randomInt(r, 60)).padStart(2, '0')} UTC on ${pick(r, MONTHS)} ${1 + randomInt(r, 28)}`,
  (r) => `from ${pick(r, MONTHS)} ${1 + randomInt(r, 28)} to ${pick(r, MONTHS)} ${1 + randomInt(r, 28)}`,
];
const FILLER = ['Officials said', 'the strike hit the city', 'talks resumed', 'he admitted it', 'Mr. Putin spoke', 'the U.S. envoy left'];

function randomText(r: Random): string {
  const sentences: string[] = [];
  for (let s = 0; s < 1 + randomInt(r, 3); s++) {
    const parts = [pick(r, FILLER)];
    for (let e = 0; e < randomInt(r, 3); e++) parts.push(pick(r, EXPRESSIONS)(r), pick(r, FILLER));
    sentences.push(`${parts.join(' ')}.`);
  }
  if (r() < 0.3) {
    // a passage of the seed article, so that real prose is covered too
    const from = randomInt(r, ARTICLE.length - 400);
    sentences.push(ARTICLE.slice(from, from + 400));
  }
  return sentences.join(r() < 0.3 ? '\n' : ' ');
}

const msOf = (dated: Dated) => {
  const parsed = parseDateForPrecision(dated.date, dated.precision);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ms;
};

function datedParts(time: StoryTime): Dated[] {
  if (time.kind === 'point') return [{ date: time.date, precision: time.precision }];
  return [time.start, time.end].filter((d): d is Dated => d !== undefined);
}

/** Why a suggestion is not a valid story time for `text`, or null. */
function problem(s: DateSuggestion, text: string): string | null {
  const parsed = storyTimeSchema.safeParse(storyTimeToJson(s.time));
  if (!parsed.success) return `schema: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
  for (const dated of datedParts(s.time)) {
    const misaligned = alignmentProblem(msOf(dated), dated.precision);
    if (misaligned) return misaligned;
  }
  if (s.time.kind === 'range' && s.time.start && s.time.end && msOf(s.time.end) < msOf(s.time.start)) return 'end before start';
  if (text.slice(s.start, s.end) !== s.words) return `words "${s.words}" are not at ${s.start}-${s.end}`;
  if (s.source === 'default' ? s.words !== '' : s.words.trim() === '') return `words "${s.words}" for a ${s.source} suggestion`;
  return null;
}

describe('suggestDates: every suggestion is a valid, aligned story time (seeded)', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: 200 random texts, publication dates and quotes', (seed) => {
    const r = seededRandom(seed);
    for (let i = 0; i < 200; i++) {
      const text = randomText(r);
      const published = toCalendarDate(Date.UTC(1995, 0, 1) + randomInt(r, 40 * 365) * MS_PER_DAY);
      const quoteStart = randomInt(r, text.length);
      const quoteEnd = quoteStart + 1 + randomInt(r, text.length - quoteStart);
      const suggestions = suggestDates({ text, quoteStart, quoteEnd, published });
      const context = { text, published, quoteStart, quoteEnd };
      expect(suggestions.length, JSON.stringify(context)).toBeGreaterThan(0);
      for (const s of suggestions) expect(problem(s, text), JSON.stringify({ ...context, s })).toBeNull();
      // "Before publication" is always among them (as the default, or as words that say the same).
      const byPublication = suggestions.filter((s) => s.time.kind === 'range' && !s.time.start && s.time.end?.date === published);
      expect(byPublication.length, JSON.stringify(context)).toBeGreaterThan(0);
    }
  });
});

describe('suggestDates on the quotes of the seed story (its events are the ground truth)', () => {
  const rankOf = (event: (typeof EVENTS)[number]) => {
    const { asWritten: _asWritten, ...expected } = event.time;
    const suggestions = suggestDates({ text: ARTICLE, quoteStart: event.quote.start, quoteEnd: event.quote.end, published: '2025-04-25' });
    return suggestions.findIndex((s) => {
      const { asWritten: _a, ...json } = storyTimeToJson(s.time);
      return JSON.stringify(json) === JSON.stringify(expected);
    });
  };

  it('suggests the time the authors chose for 31 of 32 events, first for 28', () => {
    const ranks = Object.fromEntries(EVENTS.map((event) => [event.id, rankOf(event)]));
    const notFirst = Object.fromEntries(Object.entries(ranks).filter(([, rank]) => rank !== 0));
    expect(notFirst).toEqual({
      // "their fourth session in three months": the authors end the earlier sessions the day before this Friday's
      // (24 Apr); the words alone say "within the three months to publication", which ends on 25 Apr.
      'earlier-putin-witkoff-sessions': -1,
      // The sentence has no date; the authors chose "after April 4" (second), the point April 4 comes first.
      'beauty-event-footage': 1,
      // The quote is the tail of a sentence dated "on Thursday"; the authors left the analysts' view undated.
      'analysts-full-invasion-unachievable': 1,
      // The quote holds "in fall 2022", the date of the annexation it mentions; the commentary itself is undated.
      'remchukov-truce-commentary': 1,
    });
    expect(EVENTS).toHaveLength(32);
  });
});
