import { sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MAX_MOMENTS_PER_DECK } from '@/lib/decks/deckLimits';
import type { DeckResult } from '@/lib/decks/deckResult';
import { type Deck, type MomentInput } from '@/lib/decks/deckSchema';
import type { StorageEngine, SitrepDb } from '@/lib/storage/storageTables';
import { makeMomentInput } from '../../unit/decks/momentFixtures';
import { contiguous, inspectDeck } from './fixtures/deckConsistency';
import { describeEachEngine } from './fixtures/engines';
import { ROOM_CREATED_AT_MS, saveTestRoom, useFreshStores } from './fixtures/stores';

const ROOM = 'room-1';

function deckOf(result: DeckResult): Deck {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.deck;
}
const idsOf = (deck: Deck | undefined) => deck?.moments.map((moment) => moment.id);
function expectRefused(result: DeckResult, code: string, message: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.message).toMatch(message);
}

/** Raw SQL that plants what the store never writes, in each engine's own words. */
type Plant = Record<StorageEngine, RawBuilder<unknown>>;
const CORRUPT_MOMENTS: Array<[string, Plant, string]> = [
  [
    'a value that breaks the schema',
    {
      sqlite: sql`UPDATE moments SET data_json = json_set(data_json, '$.chart', 'pie') WHERE id = 'm1'`,
      postgres: sql`UPDATE moments SET data_json = jsonb_set(data_json::jsonb, '{chart}', '"pie"')::text WHERE id = 'm1'`,
    },
    'corrupt moments row "m1": field "data_json.chart"',
  ],
  [
    'a nested field',
    {
      sqlite: sql`UPDATE moments SET data_json = json_set(data_json, '$.filter.actors', json('[""]')) WHERE id = 'm1'`,
      postgres: sql`UPDATE moments SET data_json = jsonb_set(data_json::jsonb, '{filter,actors}', '[""]')::text WHERE id = 'm1'`,
    },
    'corrupt moments row "m1": field "data_json.filter.actors[0]": must not be empty',
  ],
  [
    'JSON that is not an object',
    { sqlite: sql`UPDATE moments SET data_json = '[1, 2]' WHERE id = 'm1'`, postgres: sql`UPDATE moments SET data_json = '[1, 2]' WHERE id = 'm1'` },
    'corrupt moments row "m1": field "data_json"',
  ],
  [
    'a gap in the positions',
    { sqlite: sql`UPDATE moments SET position = 5 WHERE id = 'm1'`, postgres: sql`UPDATE moments SET position = 5 WHERE id = 'm1'` },
    'corrupt moments row "m1": field "position": expected 1 (positions run 0..n-1 without gaps), found 5',
  ],
  [
    'a negative deck time',
    { sqlite: sql`UPDATE decks SET updated_at_ms = -1 WHERE room_id = 'room-1'`, postgres: sql`UPDATE decks SET updated_at_ms = -1 WHERE room_id = 'room-1'` },
    'corrupt decks row "room-1": field "updated_at_ms": must not be negative',
  ],
];

/** Turns off the table's own JSON check, as a store written by something else (or by hand) might lack it. */
async function bypassJsonCheck(engine: StorageEngine, db: SitrepDb): Promise<void> {
  if (engine === 'sqlite') await sql`PRAGMA ignore_check_constraints = ON`.execute(db);
  else await sql`ALTER TABLE moments DROP CONSTRAINT moments_data_json_check`.execute(db);
}

describeEachEngine('deckStore', (engine) => {
  const fresh = useFreshStores(engine);
  const decks = () => fresh.current.decks;
  /** Adds moments m0..m{count-1} in order, at times 1..count, to a stored room. */
  async function addMoments(count: number): Promise<Deck | undefined> {
    await saveTestRoom(fresh.current.rooms, ROOM);
    for (let i = 0; i < count; i++) deckOf(await decks().addMoment(ROOM, makeMomentInput({ note: `note ${i}` }), {}, i + 1, `m${i}`));
    return decks().getDeck(ROOM);
  }
  async function expectStoredPositionsContiguous(): Promise<void> {
    const consistency = await inspectDeck(fresh.current.storage.db, ROOM);
    expect(consistency.positions).toEqual(contiguous(consistency.positions.length));
    expect(consistency.unparsableMoments).toEqual([]);
  }

  describe('reading', () => {
    it('gives an empty deck at version 0, dated at the room creation, before any change', async () => {
      await saveTestRoom(fresh.current.rooms, ROOM);
      expect(await decks().getDeck(ROOM)).toEqual({ roomId: ROOM, version: 0, moments: [], updatedAtMs: ROOM_CREATED_AT_MS });
    });

    it('gives undefined for a room that does not exist', async () => {
      expect(await decks().getDeck('nobody')).toBeUndefined();
    });
  });

  describe('changes', () => {
    it('adds at the end by default and at an index when asked, bumping the version by one each time', async () => {
      await addMoments(2);
      const deck = deckOf(await decks().addMoment(ROOM, makeMomentInput(), { atIndex: 1 }, 50, 'between'));
      expect(idsOf(deck)).toEqual(['m0', 'between', 'm1']);
      expect(deck.version).toBe(3);
      expect(deck.updatedAtMs).toBe(50);
      expect(await decks().getDeck(ROOM)).toEqual(deck);
      const first = deckOf(await decks().addMoment(ROOM, makeMomentInput(), { atIndex: 0, expectedVersion: 3 }, 51, 'first'));
      expect(idsOf(first)).toEqual(['first', 'm0', 'between', 'm1']);
      await expectStoredPositionsContiguous();
    });

    it('updates the fields of a patch and keeps the others', async () => {
      await addMoments(2);
      const deck = deckOf(await decks().updateMoment(ROOM, 'm1', { note: 'rewritten', eventId: null, title: 'Now' }, { expectedVersion: 2 }, 60));
      expect(deck.moments[1]).toEqual({ ...makeMomentInput({ note: 'rewritten', eventId: null, title: 'Now' }), id: 'm1' });
      expect(deck.moments[0]?.note).toBe('note 0');
      expect(deck.version).toBe(3);
      expect(await decks().getDeck(ROOM)).toEqual(deck);
    });

    it('deletes from the middle and closes the gap', async () => {
      await addMoments(4);
      const deck = deckOf(await decks().deleteMoment(ROOM, 'm1', {}, 70));
      expect(idsOf(deck)).toEqual(['m0', 'm2', 'm3']);
      expect(deck.version).toBe(5);
      expect(await decks().getDeck(ROOM)).toEqual(deck);
      await expectStoredPositionsContiguous();
    });

    it('reorders through the unique positions without a clash', async () => {
      await addMoments(5);
      const deck = deckOf(await decks().reorderMoments(ROOM, ['m4', 'm2', 'm0', 'm1', 'm3'], {}, 80));
      expect(idsOf(deck)).toEqual(['m4', 'm2', 'm0', 'm1', 'm3']);
      expect(idsOf(await decks().getDeck(ROOM))).toEqual(['m4', 'm2', 'm0', 'm1', 'm3']);
      await expectStoredPositionsContiguous();
    });

    it('survives a restart', async () => {
      await addMoments(3);
      const before = deckOf(await decks().reorderMoments(ROOM, ['m2', 'm0', 'm1'], {}, 90));
      const { decks: reopened } = await fresh.restart();
      expect(await reopened.getDeck(ROOM)).toEqual(before);
    });

    it('keeps the decks of two rooms apart', async () => {
      await addMoments(2);
      await saveTestRoom(fresh.current.rooms, 'room-2');
      deckOf(await decks().addMoment('room-2', makeMomentInput({ note: 'other' }), {}, 5, 'other-0'));
      expect(idsOf(await decks().getDeck(ROOM))).toEqual(['m0', 'm1']);
      expect(await decks().getDeck('room-2')).toMatchObject({ version: 1, moments: [{ id: 'other-0', note: 'other' }] });
    });
  });

  describe('refusals write nothing', () => {
    it.each([
      ['add', () => decks().addMoment(ROOM, makeMomentInput(), { expectedVersion: 2 }, 9, 'x')],
      ['update', () => decks().updateMoment(ROOM, 'm0', { note: 'late' }, { expectedVersion: 4 }, 9)],
      ['delete', () => decks().deleteMoment(ROOM, 'm0', { expectedVersion: 0 }, 9)],
      ['reorder', () => decks().reorderMoments(ROOM, ['m2', 'm1', 'm0'], { expectedVersion: 1 }, 9)],
    ])('a stale expectedVersion on %s is a conflict naming the current version', async (_, edit) => {
      const before = await addMoments(3);
      const result = await edit();
      expectRefused(result, 'conflict', 'is at version 3, not');
      expect(result).toMatchObject({ ok: false, currentVersion: 3 });
      expect(await decks().getDeck(ROOM)).toEqual(before);
    });

    it.each([
      ['add to an unknown room', () => decks().addMoment('nobody', makeMomentInput(), {}, 9, 'x'), 'room "nobody" does not exist'],
      ['update an unknown moment', () => decks().updateMoment(ROOM, 'zz', { note: 'x' }, {}, 9), 'moment "zz" is not in the deck of room "room-1"'],
      ['delete an unknown moment', () => decks().deleteMoment(ROOM, 'zz', {}, 9), 'moment "zz" is not in the deck'],
      ['reorder an unknown room', () => decks().reorderMoments('nobody', [], {}, 9), 'room "nobody" does not exist'],
    ])('%s is not_found', async (_, edit, message) => {
      const before = await addMoments(2);
      expectRefused(await edit(), 'not_found', message);
      expect(await decks().getDeck(ROOM)).toEqual(before);
    });

    const badInput = (overrides: Record<string, unknown>) => ({ ...makeMomentInput(), ...overrides }) as MomentInput;
    it.each([
      ['input.chart', () => decks().addMoment(ROOM, badInput({ chart: 'pie' }), {}, 9, 'x')],
      ['input.filter.types', () => decks().addMoment(ROOM, badInput({ filter: { types: ['strike', 'strike'], actors: [] } }), {}, 9, 'x')],
      ['input.note', () => decks().addMoment(ROOM, badInput({ note: 'x'.repeat(4_001) }), {}, 9, 'x')],
      ['newId', () => decks().addMoment(ROOM, makeMomentInput(), {}, 9, 'not an id')],
      ['newId: moment id "m0" is already in use', () => decks().addMoment(ROOM, makeMomentInput(), {}, 9, 'm0')],
      ['options.atIndex: must be between 0 and 2', () => decks().addMoment(ROOM, makeMomentInput(), { atIndex: 3 }, 9, 'x')],
      ['options.expectedVersion', () => decks().deleteMoment(ROOM, 'm0', { expectedVersion: -1 }, 9)],
      ['nowMs', () => decks().deleteMoment(ROOM, 'm0', {}, Number.NaN)],
      ['patch: must change at least one field', () => decks().updateMoment(ROOM, 'm0', {}, {}, 9)],
      ['patch.title', () => decks().updateMoment(ROOM, 'm0', { title: 'x'.repeat(201) }, {}, 9)],
      ['momentIds: leaves out "m1"', () => decks().reorderMoments(ROOM, ['m0'], {}, 9)],
      ['momentIds: lists "m0" more than once', () => decks().reorderMoments(ROOM, ['m0', 'm0'], {}, 9)],
    ])('%s is refused as invalid', async (field, edit) => {
      const before = await addMoments(2);
      expectRefused(await edit(), 'invalid', field);
      expect(await decks().getDeck(ROOM)).toEqual(before);
    });

    it('refuses a moment id used in another room', async () => {
      await addMoments(1);
      await saveTestRoom(fresh.current.rooms, 'room-2');
      expectRefused(await decks().addMoment('room-2', makeMomentInput(), {}, 9, 'm0'), 'invalid', 'newId: moment id "m0" is already in use');
      expect(await decks().getDeck('room-2')).toMatchObject({ version: 0, moments: [] });
    });

    it(`refuses a moment beyond ${MAX_MOMENTS_PER_DECK}`, async () => {
      const full = await addMoments(MAX_MOMENTS_PER_DECK);
      expect(full?.moments).toHaveLength(MAX_MOMENTS_PER_DECK);
      expectRefused(await decks().addMoment(ROOM, makeMomentInput(), {}, 9, 'one-more'), 'invalid', `at most ${MAX_MOMENTS_PER_DECK} moments`);
      expect(await decks().getDeck(ROOM)).toEqual(full);
      await expectStoredPositionsContiguous();
    });
  });

  describe('corrupt rows', () => {
    it.each(CORRUPT_MOMENTS)('names the table, the id and the field for %s', async (_, plant, message) => {
      await addMoments(2);
      await plant[engine.engine].execute(fresh.current.storage.db);
      await expect(decks().getDeck(ROOM)).rejects.toThrow(message);
      await expect(decks().deleteMoment(ROOM, 'm0', {}, 9)).rejects.toThrow(message);
    });

    it('the table refuses data_json that is not JSON', async () => {
      await addMoments(2);
      await expect(sql`UPDATE moments SET data_json = ${'{"storyMs":'} WHERE id = 'm1'`.execute(fresh.current.storage.db)).rejects.toThrow();
      expect(idsOf(await decks().getDeck(ROOM))).toEqual(['m0', 'm1']);
    });

    it('names the field of data_json that is not JSON when the table check was bypassed', async () => {
      await addMoments(2);
      await bypassJsonCheck(engine.engine, fresh.current.storage.db);
      await sql`UPDATE moments SET data_json = ${'{"storyMs":'} WHERE id = 'm1'`.execute(fresh.current.storage.db);
      await expect(decks().getDeck(ROOM)).rejects.toThrow('corrupt moments row "m1": field "data_json": not valid JSON');
    });
  });
});
