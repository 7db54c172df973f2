import { MAX_MOMENTS_PER_DECK } from '@/lib/decks/deckLimits';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeckResult } from '@/lib/decks/deckResult';
import { type Deck, type MomentInput } from '@/lib/decks/deckSchema';
import { makeMomentInput } from '../decks/momentFixtures';
import { contiguous, inspectDeck } from './fixtures/deckConsistency';
import { openStores, ROOM_CREATED_AT_MS, saveTestRoom, type Stores } from './fixtures/stores';
import { makeTempDataDir } from './fixtures/tempDataDir';

const ROOM = 'room-1';
let temp: ReturnType<typeof makeTempDataDir>;
let stores: Stores;
beforeEach(() => {
  temp = makeTempDataDir();
  stores = openStores(temp.dir);
  saveTestRoom(stores.rooms, ROOM);
});
afterEach(() => {
  stores.database.close();
  temp.remove();
});

function deckOf(result: DeckResult): Deck {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.deck;
}
const idsOf = (deck: Deck | undefined) => deck?.moments.map((moment) => moment.id);
/** Adds moments m0..m{count-1} in order, at times 1..count. */
function addMoments(count: number): Deck | undefined {
  for (let i = 0; i < count; i++) deckOf(stores.decks.addMoment(ROOM, makeMomentInput({ note: `note ${i}` }), {}, i + 1, `m${i}`));
  return stores.decks.getDeck(ROOM);
}
function expectStoredPositionsContiguous(): void {
  const consistency = inspectDeck(stores.database.db, ROOM);
  expect(consistency.positions).toEqual(contiguous(consistency.positions.length));
  expect(consistency.unparsableMoments).toEqual([]);
}

describe('deckStore: reading', () => {
  it('gives an empty deck at version 0, dated at the room creation, before any change', () => {
    expect(stores.decks.getDeck(ROOM)).toEqual({ roomId: ROOM, version: 0, moments: [], updatedAtMs: ROOM_CREATED_AT_MS });
  });

  it('gives undefined for a room that does not exist', () => {
    expect(stores.decks.getDeck('nobody')).toBeUndefined();
  });
});

describe('deckStore: changes', () => {
  it('adds at the end by default and at an index when asked, bumping the version by one each time', () => {
    addMoments(2);
    const deck = deckOf(stores.decks.addMoment(ROOM, makeMomentInput(), { atIndex: 1 }, 50, 'between'));
    expect(idsOf(deck)).toEqual(['m0', 'between', 'm1']);
    expect(deck.version).toBe(3);
    expect(deck.updatedAtMs).toBe(50);
    expect(stores.decks.getDeck(ROOM)).toEqual(deck);
    expectStoredPositionsContiguous();
  });

  it('updates the fields of a patch and keeps the others', () => {
    addMoments(2);
    const deck = deckOf(stores.decks.updateMoment(ROOM, 'm1', { note: 'rewritten', eventId: null, title: 'Now' }, { expectedVersion: 2 }, 60));
    expect(deck.moments[1]).toEqual({ ...makeMomentInput({ note: 'rewritten', eventId: null, title: 'Now' }), id: 'm1' });
    expect(deck.moments[0]?.note).toBe('note 0');
    expect(deck.version).toBe(3);
    expect(stores.decks.getDeck(ROOM)).toEqual(deck);
  });

  it('deletes from the middle and closes the gap', () => {
    addMoments(4);
    const deck = deckOf(stores.decks.deleteMoment(ROOM, 'm1', {}, 70));
    expect(idsOf(deck)).toEqual(['m0', 'm2', 'm3']);
    expectStoredPositionsContiguous();
  });

  it('reorders through the unique positions without a clash', () => {
    addMoments(5);
    const deck = deckOf(stores.decks.reorderMoments(ROOM, ['m4', 'm2', 'm0', 'm1', 'm3'], {}, 80));
    expect(idsOf(deck)).toEqual(['m4', 'm2', 'm0', 'm1', 'm3']);
    expect(idsOf(stores.decks.getDeck(ROOM))).toEqual(['m4', 'm2', 'm0', 'm1', 'm3']);
    expectStoredPositionsContiguous();
  });

  it('survives a restart', () => {
    addMoments(3);
    const before = deckOf(stores.decks.reorderMoments(ROOM, ['m2', 'm0', 'm1'], {}, 90));
    stores.database.close();
    stores = openStores(temp.dir);
    expect(stores.decks.getDeck(ROOM)).toEqual(before);
  });
});

describe('deckStore: refusals write nothing', () => {
  function expectRefused(result: DeckResult, code: string, message: string | RegExp): void {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  }

  it.each([
    ['add', () => stores.decks.addMoment(ROOM, makeMomentInput(), { expectedVersion: 2 }, 9, 'x')],
    ['update', () => stores.decks.updateMoment(ROOM, 'm0', { note: 'late' }, { expectedVersion: 4 }, 9)],
    ['delete', () => stores.decks.deleteMoment(ROOM, 'm0', { expectedVersion: 0 }, 9)],
    ['reorder', () => stores.decks.reorderMoments(ROOM, ['m2', 'm1', 'm0'], { expectedVersion: 1 }, 9)],
  ])('a stale expectedVersion on %s is a conflict', (_, edit) => {
    const before = addMoments(3);
    expectRefused(edit(), 'conflict', 'is at version 3, not');
    expect(stores.decks.getDeck(ROOM)).toEqual(before);
  });

  it.each([
    ['add to an unknown room', () => stores.decks.addMoment('nobody', makeMomentInput(), {}, 9, 'x'), 'room "nobody" does not exist'],
    ['update an unknown moment', () => stores.decks.updateMoment(ROOM, 'zz', { note: 'x' }, {}, 9), 'moment "zz" is not in the deck of room "room-1"'],
    ['delete an unknown moment', () => stores.decks.deleteMoment(ROOM, 'zz', {}, 9), 'moment "zz" is not in the deck'],
    ['reorder an unknown room', () => stores.decks.reorderMoments('nobody', [], {}, 9), 'room "nobody" does not exist'],
  ])('%s is not_found', (_, edit, message) => {
    const before = addMoments(2);
    expectRefused(edit(), 'not_found', message);
    expect(stores.decks.getDeck(ROOM)).toEqual(before);
  });

  const badInput = (overrides: Record<string, unknown>) => ({ ...makeMomentInput(), ...overrides }) as MomentInput;
  it.each([
    ['input.chart', () => stores.decks.addMoment(ROOM, badInput({ chart: 'pie' }), {}, 9, 'x')],
    ['input.filter.types', () => stores.decks.addMoment(ROOM, badInput({ filter: { types: ['strike', 'strike'], actors: [] } }), {}, 9, 'x')],
    ['input.note', () => stores.decks.addMoment(ROOM, badInput({ note: 'x'.repeat(4_001) }), {}, 9, 'x')],
    ['newId', () => stores.decks.addMoment(ROOM, makeMomentInput(), {}, 9, 'not an id')],
    ['newId: moment id "m0" is already in use', () => stores.decks.addMoment(ROOM, makeMomentInput(), {}, 9, 'm0')],
    ['options.atIndex: must be between 0 and 2', () => stores.decks.addMoment(ROOM, makeMomentInput(), { atIndex: 3 }, 9, 'x')],
    ['options.expectedVersion', () => stores.decks.deleteMoment(ROOM, 'm0', { expectedVersion: -1 }, 9)],
    ['nowMs', () => stores.decks.deleteMoment(ROOM, 'm0', {}, Number.NaN)],
    ['patch: must change at least one field', () => stores.decks.updateMoment(ROOM, 'm0', {}, {}, 9)],
    ['patch.title', () => stores.decks.updateMoment(ROOM, 'm0', { title: 'x'.repeat(201) }, {}, 9)],
    ['momentIds: leaves out "m1"', () => stores.decks.reorderMoments(ROOM, ['m0'], {}, 9)],
    ['momentIds: lists "m0" more than once', () => stores.decks.reorderMoments(ROOM, ['m0', 'm0'], {}, 9)],
  ])('%s is refused as invalid', (field, edit) => {
    const before = addMoments(2);
    expectRefused(edit(), 'invalid', field);
    expect(stores.decks.getDeck(ROOM)).toEqual(before);
  });

  it(`refuses a moment beyond ${MAX_MOMENTS_PER_DECK}`, () => {
    const full = addMoments(MAX_MOMENTS_PER_DECK);
    expectRefused(stores.decks.addMoment(ROOM, makeMomentInput(), {}, 9, 'one-more'), 'invalid', `at most ${MAX_MOMENTS_PER_DECK} moments`);
    expect(stores.decks.getDeck(ROOM)).toEqual(full);
  });
});

describe('deckStore: corrupt rows', () => {
  it.each([
    ['a value that breaks the schema', `json_set(data_json, '$.chart', 'pie')`, 'corrupt moments row "m1": field "data_json.chart"'],
    ['text that is not JSON', `'{"storyMs":'`, 'corrupt moments row "m1": field "data_json": not valid JSON'],
    ['a nested field', `json_set(data_json, '$.filter.actors', json('[""]'))`, 'field "data_json.filter.actors[0]": must not be empty'],
  ])('names the table, the id and the field for %s', (_, newData, message) => {
    addMoments(2);
    const db = stores.database.db;
    db.pragma('ignore_check_constraints = ON');
    db.prepare(`UPDATE moments SET data_json = ${newData} WHERE id = 'm1'`).run();
    expect(() => stores.decks.getDeck(ROOM)).toThrow(message);
    expect(() => stores.decks.deleteMoment(ROOM, 'm0', {}, 9)).toThrow(message);
  });

  it('reports a gap in the positions', () => {
    addMoments(2);
    stores.database.db.prepare(`UPDATE moments SET position = 5 WHERE id = 'm1'`).run();
    expect(() => stores.decks.getDeck(ROOM)).toThrow('corrupt moments row "m1": field "position": expected 1');
  });
});
