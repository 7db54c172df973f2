import type Database from 'better-sqlite3';
import { MAX_MOMENTS_PER_DECK } from '../decks/deckLimits';
import { z } from 'zod';
import { applyMomentPatch, permutationProblem } from '../decks/deckOperations';
import { deckFailure, describeIssues, type DeckFailure, type DeckResult } from '../decks/deckResult';
import { addMomentOptionsSchema, editOptionsSchema, momentIdSchema, momentInputSchema, momentPatchSchema, momentSchema, roomIdSchema, wallMsSchema, type AddMomentOptions, type Deck, type EditOptions, type Moment, type MomentInput, type MomentPatch } from '../decks/deckSchema';
import { createDeckRows, type DeckWrite } from './deckRows';

export interface DeckStore {
  /** The room's deck (empty, version 0, until the first change); undefined when the room does not exist. */
  getDeck(roomId: string): Deck | undefined;
  /** Adds a moment with id `newId` before index `atIndex` (default: at the end). */
  addMoment(roomId: string, input: MomentInput, options: AddMomentOptions, nowMs: number, newId: string): DeckResult;
  updateMoment(roomId: string, momentId: string, patch: MomentPatch, options: EditOptions, nowMs: number): DeckResult;
  deleteMoment(roomId: string, momentId: string, options: EditOptions, nowMs: number): DeckResult;
  /** Puts the moments in the order of `momentIds`, which must list every moment of the deck once. */
  reorderMoments(roomId: string, momentIds: readonly string[], options: EditOptions, nowMs: number): DeckResult;
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
 * Decks in SQLite. Every change validates its arguments, then runs in one BEGIN IMMEDIATE transaction that reads the
 * deck, checks `expectedVersion`, writes, and bumps the version by exactly one; a refused change writes nothing.
 */
export function createDeckStore(db: Database.Database): DeckStore {
  const rows = createDeckRows(db);
  const read = db.transaction((roomId: string) => rows.readDeck(roomId));
  const change = db.transaction(
    (roomId: string, options: EditOptions, nowMs: number, plan: (deck: Deck) => Plan | DeckFailure): DeckResult => {
      const deck = rows.readDeck(roomId);
      if (!deck) return deckFailure('not_found', `room "${roomId}" does not exist`);
      if (options.expectedVersion !== undefined && options.expectedVersion !== deck.version) {
        return deckFailure('conflict', `the deck of room "${roomId}" is at version ${deck.version}, not ${options.expectedVersion}; reload it`);
      }
      const planned = plan(deck);
      if ('ok' in planned) return planned;
      const version = deck.version + 1;
      rows.write({ roomId, version, nowMs, before: deck.moments, ...planned });
      return { ok: true, deck: { roomId, version, moments: [...planned.after], updatedAtMs: nowMs } };
    },
  );
  const inDeck = (deck: Deck, momentId: string): Moment | DeckFailure =>
    deck.moments.find((moment) => moment.id === momentId) ??
    deckFailure('not_found', `moment "${momentId}" is not in the deck of room "${deck.roomId}"`);

  return {
    getDeck(roomId) {
      return read.deferred(roomId);
    },
    addMoment(roomId, input, options, nowMs, newId) {
      const parsed = addArgs.safeParse({ roomId, input, options, nowMs, newId });
      if (!parsed.success) return deckFailure('invalid', describeIssues(parsed.error));
      const a = parsed.data;
      return change.immediate(a.roomId, a.options, a.nowMs, (deck) => {
        if (deck.moments.length >= MAX_MOMENTS_PER_DECK) return deckFailure('invalid', `the deck is full: at most ${MAX_MOMENTS_PER_DECK} moments`);
        const atIndex = a.options.atIndex ?? deck.moments.length;
        if (atIndex > deck.moments.length) return deckFailure('invalid', `options.atIndex: must be between 0 and ${deck.moments.length}`);
        if (rows.momentIdInUse(a.newId)) return deckFailure('invalid', `newId: moment id "${a.newId}" is already in use`);
        const inserted: Moment = { ...a.input, id: a.newId };
        const after = [...deck.moments.slice(0, atIndex), inserted, ...deck.moments.slice(atIndex)];
        return { after, inserted };
      });
    },
    updateMoment(roomId, momentId, patch, options, nowMs) {
      const parsed = updateArgs.safeParse({ roomId, momentId, patch, options, nowMs });
      if (!parsed.success) return deckFailure('invalid', describeIssues(parsed.error));
      const a = parsed.data;
      return change.immediate(a.roomId, a.options, a.nowMs, (deck) => {
        const current = inDeck(deck, a.momentId);
        if ('ok' in current) return current;
        const merged = momentSchema.safeParse(applyMomentPatch(current, a.patch));
        if (!merged.success) return deckFailure('invalid', describeIssues(merged.error));
        return { after: deck.moments.map((moment) => (moment.id === a.momentId ? merged.data : moment)), updated: merged.data };
      });
    },
    deleteMoment(roomId, momentId, options, nowMs) {
      const parsed = deleteArgs.safeParse({ roomId, momentId, options, nowMs });
      if (!parsed.success) return deckFailure('invalid', describeIssues(parsed.error));
      const a = parsed.data;
      return change.immediate(a.roomId, a.options, a.nowMs, (deck) => {
        const current = inDeck(deck, a.momentId);
        if ('ok' in current) return current;
        return { after: deck.moments.filter((moment) => moment.id !== a.momentId), deletedId: a.momentId };
      });
    },
    reorderMoments(roomId, momentIds, options, nowMs) {
      const parsed = reorderArgs.safeParse({ roomId, momentIds, options, nowMs });
      if (!parsed.success) return deckFailure('invalid', describeIssues(parsed.error));
      const a = parsed.data;
      return change.immediate(a.roomId, a.options, a.nowMs, (deck) => {
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
