import { CHART_IDS } from '@/lib/charts/chartIds';
import { EVENT_TYPES } from '@/lib/events/eventTypes';
import { pick, weighted, randomInt } from '@/lib/synthetic/random';
import { junkNumber, junkString, junkValue, PROTOTYPE_KEYS, setOwn, type Random } from './junkValues';

/** What valid controls are made of: instants inside the story and its event ids. */
export interface StoryFacts {
  /** ISO instants inside the story's span (valid seek targets). */
  seekTargets: readonly string[];
  eventIds: readonly string[];
}

/** Seek targets that are one step off a valid one: no offset, impossible dates, outside the story, odd precision. */
const NEAR_ISO = [
  '2025-03-06T00:00:00',
  '2025-03-06',
  '2025-02-30T00:00:00Z',
  '2025-03-06T24:00:00Z',
  '2025-03-06T00:00:00.123456789Z',
  '2025-03-06T00:00:00+14:00',
  '2025-03-06T00:00:00-12:00',
  '2025-03-06 00:00:00Z',
  '2025-13-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
];

const RATES = [1, 60, 3_600, 86_400, 31_536_000];

export function validPresentation(random: Random, facts: StoryFacts): Record<string, unknown> {
  return {
    momentId: random() < 0.5 ? null : `m-${randomInt(random, 5)}`,
    eventId: random() < 0.5 ? null : pick(random, facts.eventIds),
    chart: pick(random, CHART_IDS),
    filter: { types: EVENT_TYPES.filter(() => random() < 0.3), actors: random() < 0.7 ? [] : ['Council'] },
    blank: random() < 0.2,
  };
}

/** A control a presenter may send, as the protocol defines it (controlPayloadSchema). */
export function validControl(random: Random, facts: StoryFacts): Record<string, unknown> {
  const type = pick(random, ['play', 'pause', 'seek', 'rate', 'step', 'present'] as const);
  switch (type) {
    case 'play':
    case 'pause':
      return { type };
    case 'seek':
      return { type, to: pick(random, facts.seekTargets) };
    case 'rate':
      return { type, storySecondsPerSecond: pick(random, RATES) };
    case 'step':
      return { type, direction: pick(random, ['next', 'previous']) };
    case 'present':
      return { type, presentation: validPresentation(random, facts) };
    default:
      throw new Error(`control type ${type as string}`);
  }
}

/** A value for a field that is one step off: the right kind of thing slightly wrong, or junk. */
function offValue(random: Random, field: string): unknown {
  switch (field) {
    case 'type':
      return pick(random, ['PLAY', 'Pause', ' seek', 'step ', 'rewind', 'present\u0000', '', 'replay:control', null, 1]);
    case 'to':
      return random() < 0.7 ? pick(random, NEAR_ISO) : junkValue(random, 1);
    case 'storySecondsPerSecond':
      return random() < 0.5 ? pick(random, [0, -1, 0.5, 31_536_001, 'NaN', 'Infinity', '86400', 1e308]) : junkNumber(random);
    case 'direction':
      return pick(random, ['NEXT', 'back', 'forward', 'previous ', '', null, 1]);
    case 'commandId':
      return pick(random, ['', 'c'.repeat(65), 7, null, ['a'], { id: 'a' }]);
    default:
      return junkValue(random, 1);
  }
}

/** Changes one field of a presentation: a wrong chart, a non-slug event, a filter off by one entry, ... */
function offPresentation(random: Random, presentation: Record<string, unknown>): unknown {
  const field = pick(random, ['momentId', 'eventId', 'chart', 'filter', 'blank', 'extra']);
  const copy: Record<string, unknown> = { ...presentation };
  const off: Record<string, () => unknown> = {
    momentId: () => pick(random, ['', 'has space', 'm'.repeat(65), 3, junkValue(random, 2)]),
    eventId: () => pick(random, ['Not-A-Slug', 'a--b', '', 'x'.repeat(121), 0, junkValue(random, 2)]),
    chart: () => pick(random, ['pie', 'EVENTS-PER-DAY', '', null, junkValue(random, 2)]),
    filter: () =>
      pick(random, [
        { types: ['explosion'], actors: [] },
        { types: [], actors: [''] },
        { types: [], actors: ['a'.repeat(121)] },
        { types: [], actors: Array.from({ length: 51 }, (_, i) => `actor ${i}`) },
        { types: [...EVENT_TYPES, 'strike'], actors: [] },
        { types: [] },
        { types: [], actors: [], extra: 1 },
        junkValue(random, 2),
      ]),
    blank: () => pick(random, ['true', 0, 1, null]),
  };
  if (field === 'extra') setOwn(copy, pick(random, [...PROTOTYPE_KEYS, 'seq', 'by']), junkValue(random, 2));
  else if (random() < 0.15) delete copy[field];
  else copy[field] = (off[field] as () => unknown)();
  return copy;
}

/** A valid control with exactly one thing wrong (or, rarely, still valid): a field changed, missing or added, or the whole reshaped. */
export function nearValidControl(random: Random, facts: StoryFacts): unknown {
  const control = validControl(random, facts);
  const fields = Object.keys(control);
  const how = weighted(random, { change: 6, remove: 2, add: 2, commandId: 1, presentation: control.type === 'present' ? 4 : 0, reshape: 1 });
  switch (how) {
    case 'change': {
      const field = pick(random, fields);
      return { ...control, [field]: offValue(random, field) };
    }
    case 'remove': {
      const copy = { ...control };
      delete copy[pick(random, fields)];
      return copy;
    }
    case 'add': {
      const copy = { ...control };
      setOwn(copy, random() < 0.5 ? pick(random, PROTOTYPE_KEYS) : pick(random, ['seq', 'epoch', 'force', 'presenterKey', junkString(random, 64)]), junkValue(random, 1));
      return copy;
    }
    case 'commandId':
      return { ...control, commandId: offValue(random, 'commandId') };
    case 'presentation':
      return { ...control, presentation: offPresentation(random, control.presentation as Record<string, unknown>) };
    case 'reshape':
      return pick(random, [[control], JSON.stringify(control), { control }, Object.values(control), Object.create(null) as unknown]);
    default:
      throw new Error(`mutation ${how as string}`);
  }
}
