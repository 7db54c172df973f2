import * as chrono from 'chrono-node';
import type { Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { assertNever } from '../assertNever';
import { MS_PER_DAY, addUtcMonths, startOfUtcDay, utcParts } from '../events/calendar';
import { periodStart, type DatePrecision } from '../events/precision';

/**
 * chrono-node (casual English) taught the few things news prose needs and chrono does not know:
 * seasons ("in fall 2022"), bare years ("in 2018", "the 2018 campaign"), weeks/months/years as periods
 * ("last week" is the week before publication's, not the day seven days earlier), spans that end on
 * publication ("this past week", "in recent weeks", "in three months") — and weekdays read as the most recent
 * one (a news report's "Monday" is the Monday before it, where chrono picks the closest).
 *
 * Our parsers mark what they mean with tags (below); chrono's own results carry none and are read from their
 * certain components. Each parse is given the publication day as its reference: chrono never reads the clock.
 */

/** Tag on a component: the precision the parser meant for it. */
export const PRECISION_TAG = 'studio/precision/';
/** Tag on a result: only its end bound is meant (its start component carries the end's value). */
export const END_ONLY_TAG = 'studio/endOnly';
/** Tag on a result: only its start bound is meant. */
export const START_ONLY_TAG = 'studio/startOnly';
/** Tag on a result whose range has a one-period reading too ("this week" → week of 21 Apr): `…/week`. */
export const ALSO_PERIOD_TAG = 'studio/alsoPeriod/';

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const pattern = (body: string) => new RegExp(`${WORD_START}${body}${WORD_END}`, 'iu');

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const SEASON_START_MONTH: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };
const SEASON = '(spring|summer|fall|autumn|winter)';

type Unit = 'day' | 'week' | 'month' | 'year';
const unitOf = (word: string): Unit => word.toLowerCase().replace(/s$/, '') as Unit;

function publicationDay(context: ParsingContext): number {
  return startOfUtcDay(context.reference.instant.getTime());
}

function components(context: ParsingContext, ms: number, precision: DatePrecision) {
  const { year, month, day } = utcParts(ms);
  return context.createParsingComponents({ year, month, day }).addTag(`${PRECISION_TAG}${precision}`);
}

/** A result for the words matched: one period, or a range when `endMs` is given. */
function result(
  context: ParsingContext,
  match: RegExpMatchArray,
  start: [number, DatePrecision],
  end?: [number, DatePrecision],
  tags: string[] = [],
): ParsingResult {
  const parsed = context.createParsingResult(
    match.index ?? 0,
    match[0],
    components(context, ...start),
    end && components(context, ...end),
  );
  return parsed.addTags(tags);
}

/** "fall 2022", "winter of 2023": the meteorological season that starts in that year. */
const seasonWithYear: Parser = {
  pattern: () => pattern(`(?:(?:early|late|mid)[- ]?)?${SEASON}(?:\\s+of)?,?\\s+(\\d{4})`),
  extract: (context, match) => {
    const startMonth = SEASON_START_MONTH[(match[1] ?? '').toLowerCase()] ?? 3;
    return result(context, match, [Date.UTC(Number(match[2]), startMonth - 1, 1), 'season']);
  },
};

/** "last fall", "this spring", "next winter", relative to the season of publication. */
const relativeSeason: Parser = {
  pattern: () => pattern(`(last|this|next|past)\\s+${SEASON}`),
  extract: (context, match) => {
    const pub = publicationDay(context);
    const startMonth = SEASON_START_MONTH[(match[2] ?? '').toLowerCase()] ?? 3;
    const { year } = utcParts(pub);
    // The most recent start of that season on or before publication; "this" is the current one or the one to come.
    const latest = Date.UTC(year, startMonth - 1, 1) > pub ? Date.UTC(year - 1, startMonth - 1, 1) : Date.UTC(year, startMonth - 1, 1);
    const current = periodStart(pub, 'season') === latest;
    const modifier = (match[1] ?? '').toLowerCase();
    const yearsOn = modifier === 'next' ? 1 : modifier === 'this' ? (current ? 0 : 1) : current ? -1 : 0;
    const start = addUtcMonths(latest, 12 * yearsOn);
    return result(context, match, [start, 'season']);
  },
};

/**
 * A year with the word before it: "in 2018", "the 2018 election", "after 1997" (chrono drops a result that is
 * only digits). Not part of a longer number or an amount.
 */
const bareYear: Parser = {
  pattern: () =>
    new RegExp(
      `${WORD_START}(?:in|since|after|before|by|until|during|from|of|the|a|early|late|mid|circa)\\s+(1[5-9]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}%]|[.,]\\d)`,
      'iu',
    ),
  extract: (context, match) => result(context, match, [Date.UTC(Number(match[1]), 0, 1), 'year']),
};

/** "this/last/next/past week|month|year", with "earlier"/"later" and "this past". */
const relativePeriod: Parser = {
  pattern: () => pattern(`(?:(earlier|later)\\s+)?(this\\s+past|the\\s+past|the\\s+last|this|last|next|past|coming|the\\s+coming)\\s+(week|month|year)`),
  extract: (context, match) => {
    const pub = publicationDay(context);
    const side = (match[1] ?? '').toLowerCase();
    const which = (match[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const unit = unitOf(match[3] ?? '');
    const precision: DatePrecision = unit === 'day' ? 'day' : unit;
    const step = (count: number) => (unit === 'week' ? pub + count * 7 * MS_PER_DAY : addUtcMonths(pub, count * (unit === 'year' ? 12 : 1)));
    switch (which) {
      case 'this past':
      case 'the past':
      case 'the last':
      case 'past':
        // The span of that length that ends on publication: "this past week" is the seven days to publication.
        return result(context, match, [step(-1) + MS_PER_DAY, 'day'], [pub, 'day']);
      case 'last':
        return result(context, match, [periodStart(step(-1), precision), precision]);
      case 'next':
      case 'coming':
      case 'the coming':
        return result(context, match, [periodStart(step(1), precision), precision]);
      default: {
        // "this week": the part of the week up to publication (the story cannot have seen the rest),
        // or the whole week; "later this week" can only be the week.
        const start = periodStart(pub, precision);
        if (side === 'later') return result(context, match, [start, precision]);
        return result(context, match, [start, 'day'], [pub, 'day'], [`${ALSO_PERIOD_TAG}${precision}`]);
      }
    }
  },
};

/** "in three months", "over the past two weeks", "for 10 days": the span of that length ending on publication. */
const countedSpan: Parser = {
  pattern: () => pattern(`(?:(?:in|over|during|within|for)\\s+(?:the\\s+)?(?:(?:past|last|previous)\\s+)?|(?:the\\s+)?(?:past|last|previous)\\s+)${NUMBER}\\s+(days|weeks|months|years)`),
  extract: (context, match) => {
    const pub = publicationDay(context);
    const numberText = (match[1] ?? '').toLowerCase();
    const count = NUMBER_WORDS[numberText] ?? Number(numberText);
    if (!(count > 0)) return null;
    const unit = unitOf(match[2] ?? '');
    switch (unit) {
      case 'day':
        return result(context, match, [pub - (count - 1) * MS_PER_DAY, 'day'], [pub, 'day']);
      case 'week':
        return result(context, match, [pub - (7 * count - 1) * MS_PER_DAY, 'day'], [pub, 'day']);
      case 'month':
        return result(context, match, [periodStart(addUtcMonths(pub, -count), 'month'), 'month'], [pub, 'day']);
      case 'year':
        return result(context, match, [periodStart(addUtcMonths(pub, -12 * count), 'year'), 'year'], [pub, 'day']);
      default:
        return assertNever(unit, 'unit');
    }
  },
};

/** "in recent weeks", "in the past few days", "recently": no start known, ends by publication; "in the coming weeks" starts at it. */
const vagueSpan: Parser = {
  pattern: () => pattern(`(?:(?:in|over|during)\\s+)?(?:the\\s+)?(?:(recent|past|last|coming)\\s+(?:few\\s+|several\\s+)?(?:days|weeks|months|years)|recently)`),
  extract: (context, match) => {
    const pub = publicationDay(context);
    const future = (match[1] ?? '').toLowerCase() === 'coming';
    return result(context, match, [pub, 'day'], undefined, [future ? START_ONLY_TAG : END_ONLY_TAG]);
  },
};

/**
 * A weekday without "this", "next" or "last" is the most recent such day on or before publication:
 * news reports what happened ("On Monday, he admitted…" in a Friday paper is four days earlier).
 */
const pastWeekday: Refiner = {
  refine: (context, results) => {
    const pub = publicationDay(context);
    for (const found of results) {
      const start = found.start;
      if (!start.isCertain('weekday') || start.isCertain('day')) continue;
      if (/\b(this|next|coming|last|past)\b/i.test(found.text)) continue;
      const back = (utcParts(pub).weekday - (start.get('weekday') ?? 0) + 7) % 7;
      const { year, month, day } = utcParts(pub - back * MS_PER_DAY);
      start.imply('year', year).imply('month', month).imply('day', day);
    }
    return results;
  },
};

/** "In the weeks leading up to…" is no date, though chrono reads "in the weeks" as a week from now. */
const NUMBERLESS_WITHIN = /^(?:in|within)\s+the\s+(?:days|weeks|months|years)$/i;
const numberlessWithin: Refiner = {
  refine: (_context, results) => results.filter((found) => !NUMBERLESS_WITHIN.test(found.text.trim())),
};

const studioChrono = chrono.casual.clone();
studioChrono.parsers.unshift(seasonWithYear, relativeSeason, relativePeriod, countedSpan, vagueSpan, bareYear);
studioChrono.refiners.push(numberlessWithin, pastWeekday);

/** Date expressions in `text`, resolved against the publication day `publishedMs` (UTC midnight). */
export function parseDateWords(text: string, publishedMs: number): ParsingResult[] {
  const reference = { instant: new Date(publishedMs + 12 * 60 * 60 * 1000), timezone: 0 };
  return studioChrono.parse(text, reference, { forwardDate: false }) as ParsingResult[];
}
