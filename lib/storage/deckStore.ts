import { MAX_MOMENTS_PER_DECK } from '../decks/deckLimits';
import { z } from 'zod';
import { applyMomentPatch, permutationProblem } from '../decks/deckOperations';
import { deckFailure, describeIssues, type DeckFailure, type DeckResult } from '../decks/deckResult';
import { addMomentOptionsSchema, editOptionsSchema, momentIdSchema, momentInputSchema, momentPatchSchema, momentSchema, roomIdSchema, wallMsSchema, type AddMomentOptions, type Deck, type EditOptions, type Moment, type MomentInput, type MomentPatch } from '../decks/deckSchema';
import { lockRoom, momentIdInUse, readDeck, writeDeck, type DeckWrite } from './deckRows';
import type { SitrepDb } from './storageTables';

export interface DeckStore {
  /** The room's deck (empty, version 0, until the first change); undefined when the room does not exist. */
  getDeck(roomId: string): Promise<Deck | undefined>;
  /** Adds a moment with id `newId` before index `atIndex` (default: at the end). */
  addMoment(roomId: string, input: MomentInput, options: AddMomentOptions, nowMs: number, newId: string): Promise<DeckResult>;
  updateMoment(roomId: string, momentId: string, patch: MomentPatch, options: EditOptions, nowMs: number): Promise<DeckResult>;
  deleteMoment(roomId: string, momentId: string, options: EditOptions, nowMs: number): Promise<DeckResult>;
  /** Puts the moments in the order of `momentIds`, which must list every moment of the deck once. */
  reorderMoments(roomId: string, momentIds: readonly string[], options: EditOptions, nowMs: number): Promise<DeckResult>;
}

/** What a change does to the deck it read; `before`, the version and the time are filled in by `change`. */
type Plan = Pick<DeckWrite, 'after' | 'inserted' | 'updated' | 'deletedId'>;

const addArgs = z.object({ roomId: roomIdSchema, input: momentInputSchema, options: addMomentOptionsSchema, nowMs: wallMsSchema, newId: momentIdSchema });
const updateArgs = z.object({ roomId: roomIdSchema, momentId: momentIdSchema, patch: momentPatchSchema, options: editOptionsSchema, nowMs: wallMsSchema });
const deleteArgs = z.object({ roomId: roomIdSchema, momentId: momentIdSchema, options: editOptionsSchema, nowMs: wallMsSchema });
const reorderArgs = z.object({
  roomId: roomIdSchema,
  momentIds: z.array(momentIdSchema).max(MAX_MOMENTS_PER_DECK),
  options: editOptionsSchema,
  nowMs: wallMsSchema,
});

/**
 * Decks, on either engine. Every change validates its arguments, then runs in one transaction that locks the room,
 * reads the deck, checks `expectedVersion`, writes, and bumps the version by exactly one; a refused change writes
 * nothing. A conflict names the deck's current version.
 */
export function createDeckStore(db: SitrepDb): DeckStore {
  const change = (roomId: string, options: EditOptions, nowMs: number, plan: (deck: Deck, trx: SitrepDb) => Promise<Plan | DeckFailure>): Promise<DeckResult> =>
    db.transaction().execute(async (trx): Promise<DeckResult> => {
      if (!(await lockRoom(trx, roomId))) return deckFailure('not_found', `room "${roomId}" does not exist`);
      const deck = await readDeck(trx, roomId);
      if (!deck) return deckFailure('not_found', `room "${roomId}" does not exist`);
      if (options.expectedVersion !== undefined && options.expectedVersion !== deck.version) {
        return {
          ...deckFailure('conflict', `the deck of room "${roomId}" is at version ${deck.version}, not ${options.expectedVersion}; reload it`),
          currentVersion: deck.version,
        };
      }
      const planned = await plan(deck, trx);
      if ('ok' in planned) return planned;
      const version = deck.version + 1;
      await writeDeck(trx, { roomId, version, nowMs, before: deck.moments, ...planned });
      return { ok: true, deck: { roomId, version, moments: [...planned.after], updatedAtMs: nowMs } };
    });
  const inDeck = (deck: Deck, momentId: string): Moment | DeckFailure =>
    deck.moments.find((moment) => moment.id === momentId) ??
    deckFailure('not_found', `moment "${momentId}" is not in the deck of room "${deck.roomId}"`);

  return {
    getDeck(roomId) {
      return readDeck(db, roomId);
    },
    addMoment(roomId, input, options, nowMs, newId) {
      const parsed = addArgs.safeParse({ roomId, input, options, nowMs, newId });
      if (!parsed.success) return Promise.resolve(deckFailure('invalid', describeIssues(parsed.error)));
      const a = parsed.data;
      return change(a.roomId, a.options, a.nowMs, async (deck, trx) => {
        if (deck.moments.length >= MAX_MOMENTS_PER_DECK) return deckFailure('invalid', `the deck is full: at most ${MAX_MOMENTS_PER_DECK} moments`);
        const atIndex = a.options.atIndex ?? deck.moments.length;
        if (atIndex > deck.moments.length) return deckFailure('invalid', `options.atIndex: must be between 0 and ${deck.moments.length}`);
        if (await momentIdInUse(trx, a.newId)) return deckFailure('invalid', `newId: moment id "${a.newId}" is already in use`);
        const inserted: Moment = { ...a.input, id: a.newId };
        const after = [...deck.moments.slice(0, atIndex), inserted, ...deck.moments.slice(atIndex)];
        return { after, inserted };
      });
    },
    updateMoment(roomId, momentId, patch, options, nowMs) {
      const parsed = updateArgs.safeParse({ roomId, momentId, patch, options, nowMs });
      if (!parsed.success) return Promise.resolve(deckFailure('invalid', describeIssues(parsed.error)));
      const a = parsed.data;
      return change(a.roomId, a.options, a.nowMs, async (deck) => {
        const current = inDeck(deck, a.momentId);
        if ('ok' in current) return current;
        const merged = momentSchema.safeParse(applyMomentPatch(current, a.patch));
        if (!merged.success) return deckFailure('invalid', describeIssues(merged.error));
        return { after: deck.moments.map((moment) => (moment.id === a.momentId ? merged.data : moment)), updated: merged.data };
      });
    },
    deleteMoment(roomId, momentId, options, nowMs) {
      const parsed = deleteArgs.safeParse({ roomId, momentId, options, nowMs });
      if (!parsed.success) return Promise.resolve(deckFailure('invalid', describeIssues(parsed.error)));
      const a = parsed.data;
      return change(a.roomId, a.options, a.nowMs, async (deck) => {
        const current = inDeck(deck, a.momentId);
        if ('ok' in current) return current;
        return { after: deck.moments.filter((moment) => moment.id !== a.momentId), deletedId: a.momentId };
      });
    },
    reorderMoments(roomId, momentIds, options, nowMs) {
      const parsed = reorderArgs.safeParse({ roomId, momentIds, options, nowMs });
      if (!parsed.success) return Promise.resolve(deckFailure('invalid', describeIssues(parsed.error)));
      const a = parsed.data;
      return change(a.roomId, a.options, a.nowMs, async (deck) => {
        const problem = permutationProblem(
          deck.moments.map((moment) => moment.id),
          a.momentIds,
        );
        if (problem) return deckFailure('invalid', `momentIds: ${problem}`);
        const byId = new Map(deck.moments.map((moment) => [moment.id, moment]));
        return { after: a.momentIds.map((id) => byId.get(id)).filter((moment): moment is Moment => moment !== undefined) };
      });
    },
  };
}
