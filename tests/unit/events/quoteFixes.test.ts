import { describe, expect, it } from 'vitest';
import { fixQuoteOffsets } from '@/lib/events/quoteFixes';

const SOURCE = 'The flood came. The mayor spoke. The flood went.';

/** events.json in a hand-written layout (odd spacing, one-line objects) that a rewrite would not keep. */
function eventsText(quotes: string[]): string {
  return `[\n${quotes.map((quote, i) => `  {"id": "e${i}",   "quote": ${quote}, "note": "keep  me"}`).join(',\n')}\n]\n`;
}

describe('fixQuoteOffsets', () => {
  it.each([
    ['a quote found once, at wrong offsets', '{ "text": "The mayor spoke", "start": 0, "end": 15 }', '{ "text": "The mayor spoke", "start": 16, "end": 31 }'],
    ['offsets that are not numbers', '{ "text": "The mayor spoke", "start": "x", "end": null }', '{ "text": "The mayor spoke", "start": 16, "end": 31 }'],
    ['offsets past the end of the source', '{"text":"mayor","start":900,"end":905}', '{"text":"mayor","start":20,"end":25}'],
  ])('mends %s, changing nothing else', (_name, before, after) => {
    const text = eventsText(['{ "text": "The flood came", "start": 0, "end": 14 }', before]);
    const fixes = fixQuoteOffsets(text, SOURCE);
    expect(fixes.text).toBe(eventsText(['{ "text": "The flood came", "start": 0, "end": 14 }', after]));
    expect(fixes.fixed).toHaveLength(1);
    expect(fixes.fixed[0]).toMatchObject({ eventIndex: 1, eventId: 'e1' });
    expect(fixes.unfixed).toEqual([]);
  });

  it('adds offsets that are missing', () => {
    const fixes = fixQuoteOffsets('[{"id": "a", "quote": {"text": "The mayor spoke"}}]', SOURCE);
    expect(JSON.parse(fixes.text)).toEqual([{ id: 'a', quote: { text: 'The mayor spoke', start: 16, end: 31 } }]);
    expect(fixes.fixed).toEqual([{ eventIndex: 0, eventId: 'a', was: {}, now: { start: 16, end: 31 } }]);
  });

  it('lists, without touching them, a quote found several times (with its candidates) and one found nowhere', () => {
    const text = eventsText(['{ "text": "The flood", "start": 1, "end": 10 }', '{ "text": "The storm", "start": 0, "end": 9 }']);
    const fixes = fixQuoteOffsets(text, SOURCE);
    expect(fixes.text).toBe(text);
    expect(fixes.fixed).toEqual([]);
    expect(fixes.unfixed).toEqual([
      { eventIndex: 0, eventId: 'e0', candidates: [{ start: 0, end: 9 }, { start: 33, end: 42 }] },
      { eventIndex: 1, eventId: 'e1', candidates: [] },
    ]);
  });

  it('leaves right quotes, and quotes with no usable text, alone', () => {
    const text = eventsText(['{ "text": "The flood came", "start": 0, "end": 14 }', '{ "text": 42, "start": 0, "end": 1 }', '"not an object"']);
    expect(fixQuoteOffsets(text, SOURCE)).toEqual({ text, fixed: [], unfixed: [] });
  });

  it('finds the events in an `events` array beside other fields', () => {
    const text = '{ "format": 2, "events": [ { "quote": { "text": "The mayor spoke", "start": 0, "end": 15 } } ] }';
    expect(fixQuoteOffsets(text, SOURCE).text).toBe('{ "format": 2, "events": [ { "quote": { "text": "The mayor spoke", "start": 16, "end": 31 } } ] }');
  });

  it.each([
    ['malformed JSON', '[{"quote": {"text": "The mayor spoke", "start": 0 "end": 15}}]'],
    ['neither an array nor an object with events', '{"quote": {"text": "The mayor spoke", "start": 0, "end": 15}}'],
  ])('does nothing with %s', (_name, text) => {
    expect(fixQuoteOffsets(text, SOURCE)).toEqual({ text, fixed: [], unfixed: [] });
  });
});
