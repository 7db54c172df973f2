import { MAX_MOMENTS_PER_DECK } from '@/lib/decks/deckLimits';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeIssues } from '@/lib/decks/deckResult';
import { deckSchema, momentInputSchema, momentPatchSchema, momentSchema } from '@/lib/decks/deckSchema';
import { makeMomentInput } from './momentFixtures';

/** The refusal message for `value`, as the stores report it. */
function refusal(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`expected a refusal for ${JSON.stringify(value)}`);
  return describeIssues(parsed.error);
}

describe('momentInputSchema', () => {
  it('accepts a full moment input, an empty note, a null event and no title', () => {
    expect(momentInputSchema.safeParse(makeMomentInput()).success).toBe(true);
    expect(momentInputSchema.safeParse(makeMomentInput({ note: '', eventId: null })).success).toBe(true);
    expect(momentInputSchema.safeParse(makeMomentInput({ filter: { types: [], actors: [] }, title: 'Opening' })).success).toBe(true);
  });

  const base = makeMomentInput();
  it.each([
    ['storyMs', { ...base, storyMs: Number.POSITIVE_INFINITY }],
    ['storyMs', { ...base, storyMs: Number.NaN }],
    ['storyMs', { ...base, storyMs: '2025-04-20' }],
    ['eventId', { ...base, eventId: 'Not A Slug' }],
    ['filter.types', { ...base, filter: { types: ['strike', 'strike'], actors: [] } }],
    ['filter.types[0]', { ...base, filter: { types: ['riot'], actors: [] } }],
    ['filter.actors', { ...base, filter: { types: [], actors: Array.from({ length: 51 }, (_, i) => `Actor ${i}`) } }],
    ['filter.actors[0]', { ...base, filter: { types: [], actors: [''] } }],
    ['filter.actors[1]', { ...base, filter: { types: [], actors: ['ok', 'x'.repeat(121)] } }],
    ['filter', { ...base, filter: undefined }],
    ['chart', { ...base, chart: 'pie-chart' }],
    ['note', { ...base, note: 'x'.repeat(4_001) }],
    ['note', { ...base, note: undefined }],
    ['title', { ...base, title: 'x'.repeat(201) }],
    ['value', { ...base, position: 3 }],
  ])('refuses a bad %s and names it', (field, value) => {
    expect(refusal(momentInputSchema, value)).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
  });

  it('accepts the limits themselves', () => {
    const atLimits = makeMomentInput({
      note: 'x'.repeat(4_000),
      title: 't'.repeat(200),
      filter: { types: [], actors: Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(120, 'a')) },
    });
    expect(momentInputSchema.safeParse(atLimits).success).toBe(true);
  });

  it('refuses an id in an input but requires one in a moment', () => {
    expect(momentInputSchema.safeParse({ ...base, id: 'm1' }).success).toBe(false);
    expect(momentSchema.safeParse({ ...base, id: 'm1' }).success).toBe(true);
    expect(momentSchema.safeParse({ ...base, id: 'has space' }).success).toBe(false);
  });
});

describe('momentPatchSchema', () => {
  it.each([
    [{ note: '' }],
    [{ eventId: null }],
    [{ title: null }],
    [{ filter: { types: ['claim'], actors: [] } }],
    [{ storyMs: 0, chart: 'reported-deaths' }],
  ])('accepts %j', (patch) => {
    expect(momentPatchSchema.safeParse(patch).success).toBe(true);
  });

  it.each([
    ['value: must change at least one field', {}],
    ['value: must change at least one field', { title: undefined }],
    ['value: Unrecognized key: "id"', { id: 'm2', note: 'x' }],
    ['chart: ', { chart: 'bars' }],
    ['filter.actors: ', { filter: { types: [] } }],
  ])('refuses with "%s"', (message, patch) => {
    expect(refusal(momentPatchSchema, patch)).toContain(message);
  });
});

describe('deckSchema', () => {
  const deck = (count: number, version = 0) => ({
    roomId: 'room-1',
    version,
    updatedAtMs: 0,
    moments: Array.from({ length: count }, (_, i) => ({ ...makeMomentInput(), id: `m${i}` })),
  });

  it(`holds up to ${MAX_MOMENTS_PER_DECK} moments and a non-negative whole version`, () => {
    expect(deckSchema.safeParse(deck(MAX_MOMENTS_PER_DECK)).success).toBe(true);
    expect(deckSchema.safeParse(deck(MAX_MOMENTS_PER_DECK + 1)).success).toBe(false);
    expect(deckSchema.safeParse(deck(0, -1)).success).toBe(false);
    expect(deckSchema.safeParse(deck(0, 1.5)).success).toBe(false);
  });
});
