import type { CasualtyQualifier } from '../events/casualtyKinds';
import type { Casualties, CasualtyCount } from '../events/casualtySchema';
import { type EventType } from '../events/eventTypes';
import { CURRENT_STORY_FORMAT } from '../events/storyFormats';
import { MS_PER_DAY, toCalendarDate, utcMidnight } from '../events/calendar';
import { pick, seededRandom, weighted } from './random';
import { syntheticTime } from './syntheticTime';
import { PHRASES, SYNTHETIC_ACTORS, SYNTHETIC_PLACES, TYPE_WEIGHTS } from './vocabulary';

export interface SyntheticOptions {
  events: number;
  seed: number;
  /** First day of the story (default 1 January 2024). */
  startMs?: number;
  /** Days the story spans (default 365). */
  spanDays?: number;
}

export interface SyntheticStory {
  id: string;
  scenario: Record<string, unknown>;
  events: Record<string, unknown>[];
  article: string;
}

const SENTENCES_PER_PARAGRAPH = 6;
const CLUSTERS = 12;

/** Seeds the qualifiers' own random stream from the story's seed. */
const WORDING_SEED_MASK = 0x5eed_f00d;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** How often a generated toll carries each qualifier (from a stream of its own, so the rest of a story stays put). */
const QUALIFIER_WEIGHTS: Record<CasualtyQualifier, number> = { exact: 0.55, 'at-least': 0.2, about: 0.15, 'more-than': 0.1 };
/** How often a generated toll gives civilians and soldiers killed but no total. */
const BREAKDOWN_ONLY_SHARE = 0.1;

const QUALIFIER_WORDS: Record<CasualtyQualifier, string> = { exact: '', 'at-least': 'at least ', about: 'about ', 'more-than': 'more than ' };

const people = (figure: CasualtyCount) => (figure.count === 1 && figure.qualifier !== 'more-than' ? 'person' : 'people');
const said = (figure: CasualtyCount) => `${QUALIFIER_WORDS[figure.qualifier]}${figure.count}`;

interface Toll {
  fields: Casualties;
  words: string;
  /** The reported total of dead, or the parts given; for the event's importance. */
  killedCount: number;
}

function casualties(random: () => number, wording: () => number): Toll | undefined {
  if (random() < 0.3) return undefined;
  const count = 1 + Math.floor(random() * 40);
  const children = random() < 0.25 ? Math.floor(random() * Math.min(count, 8)) : undefined;
  const injuredCount = random() < 0.6 ? Math.floor(random() * 80) : undefined;
  const killed: CasualtyCount = { count, qualifier: weighted(wording, QUALIFIER_WEIGHTS) };
  const injured: CasualtyCount | undefined = injuredCount === undefined ? undefined : { count: injuredCount, qualifier: weighted(wording, QUALIFIER_WEIGHTS) };
  const childrenKilled: CasualtyCount | undefined = children ? { count: children, qualifier: 'exact' } : undefined;
  const injuring = injured ? ` and injuring ${said(injured)}` : '';
  const injuredField = injured ? { injured } : {};
  if (count >= 3 && wording() < BREAKDOWN_ONLY_SHARE) {
    const soldiers = Math.floor(count / 3);
    const civilians: CasualtyCount = { count: count - soldiers, qualifier: 'exact' };
    const military: CasualtyCount = { count: soldiers, qualifier: 'exact' };
    const words = `, killing ${civilians.count} ${civilians.count === 1 ? 'civilian' : 'civilians'} and ${military.count} ${military.count === 1 ? 'soldier' : 'soldiers'}${injuring}`;
    return { fields: { killed: { civilians, military }, ...injuredField }, words, killedCount: count };
  }
  const words = `, killing ${said(killed)} ${people(killed)}${childrenKilled ? `, including ${children} ${children === 1 ? 'child' : 'children'}` : ''}${injuring}`;
  return { fields: { killed: { ...killed, ...(childrenKilled && { children: childrenKilled }) }, ...injuredField }, words, killedCount: count };
}

/** A story of `events` events with realistic types, actors, places, imprecise dates and casualties; deterministic per seed. */
export function generateStory({ events: count, seed, startMs = utcMidnight(2024, 1, 1), spanDays = 365 }: SyntheticOptions): SyntheticStory {
  const random = seededRandom(seed);
  const wording = seededRandom(seed ^ WORDING_SEED_MASK);
  const id = `synthetic-${count}-seed-${seed}`;
  const centres = Array.from({ length: CLUSTERS }, () => Math.floor(random() * spanDays));
  const dayOf = () => {
    const offset = random() < 0.7 ? pick(random, centres) + Math.round((random() - 0.5) * 20) : Math.floor(random() * spanDays);
    return startMs + Math.min(spanDays - 1, Math.max(0, offset)) * MS_PER_DAY;
  };

  let article = `${`A synthetic story of ${count} events (seed ${seed})`}\n`;
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const type: EventType = weighted(random, TYPE_WEIGHTS);
    const actor = pick(random, SYNTHETIC_ACTORS);
    const place = random() < 0.85 ? pick(random, SYNTHETIC_PLACES) : undefined;
    const { time, words } = syntheticTime(random, dayOf());
    const toll = type === 'strike' ? casualties(random, wording) : undefined;
    const phrase = pick(random, PHRASES[type]);
    const where = place ? place.name : 'the border region';
    const sentence = `${words}, ${actor.name} ${phrase} ${where}${toll?.words ?? ''}.`;
    const separator = i % SENTENCES_PER_PARAGRAPH === 0 ? '\n' : ' ';
    article += separator;
    const start = article.length;
    article += sentence;
    events.push({
      id: `e${i + 1}-${type}`,
      type,
      title: `${actor.name} ${phrase} ${where}`,
      summary: sentence,
      time,
      actors: [{ name: actor.name, role: actor.role }],
      ...(place && { location: { name: place.name, coordinates: { lat: place.lat, lon: place.lon, precision: 'city' } } }),
      ...(toll && { casualties: toll.fields }),
      quote: { text: sentence, start, end: start + sentence.length },
      attribution: type === 'strike' ? 'regional officials reported' : 'the article',
      importance: type === 'strike' && (toll?.killedCount ?? 0) > 10 ? 3 : random() < 0.3 ? 2 : 1,
      tags: [slug(where), type],
    });
  }
  article += '\n';
  const published = toCalendarDate(startMs + spanDays * MS_PER_DAY);
  const scenario = {
    format: CURRENT_STORY_FORMAT,
    id,
    title: `Synthetic story: ${count.toLocaleString('en-GB')} events (seed ${seed})`,
    summary: 'Generated events between fictional countries, for load tests. None of it happened.',
    published,
    source: { file: 'article.txt', citation: `a generated article (seed ${seed}); synthetic data for load tests` },
  };
  return { id, scenario, events, article };
}
