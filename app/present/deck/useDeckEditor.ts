'use client';

import { useCallback, useState } from 'react';
import { moveMoment } from '@/lib/decks/deckOperations';
import type { Deck, Moment, MomentInput } from '@/lib/decks/deckSchema';
import { useDeckEdits, useDeckQuery } from '@/lib/queries/deckQueries';
import { ApiError } from '@/lib/queries/fetchJson';

/** A deleted moment, kept until the next change so that it can be put back where it was. */
export interface DeletedMoment {
  moment: Moment;
  index: number;
}

export type DeckFeedback = { kind: 'none' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

function momentInput({ id: _id, ...input }: Moment): MomentInput {
  return input;
}

function failureText(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    return 'The deck was changed elsewhere (another tab?): it has been reloaded, and your change was not applied. Please try again.';
  }
  return `The change was not saved: ${error instanceof Error ? error.message : 'unknown error'}.`;
}

/** The deck of a room and its edits, with a message after each one and the last deletion kept for "Undo". */
export function useDeckEditor(roomId: string, presenterKey: string) {
  const deckQuery = useDeckQuery(roomId, presenterKey);
  const edits = useDeckEdits(roomId, presenterKey);
  const [feedback, setFeedback] = useState<DeckFeedback>({ kind: 'none' });
  const [deleted, setDeleted] = useState<DeletedMoment | null>(null);

  const attempt = useCallback(async (change: () => Promise<Deck>, done: (deck: Deck) => string): Promise<Deck | null> => {
    try {
      const deck = await change();
      setFeedback({ kind: 'done', text: done(deck) });
      return deck;
    } catch (error) {
      setFeedback({ kind: 'error', text: failureText(error) });
      return null;
    }
  }, []);

  const { addMoment, updateMoment, deleteMoment, reorder } = edits;
  const moments = deckQuery.data?.moments ?? [];

  return {
    deck: deckQuery.data,
    isLoading: deckQuery.isPending,
    loadError: deckQuery.error,
    isSaving: edits.isPending,
    feedback,
    deleted,
    mark: (input: MomentInput) => {
      setDeleted(null);
      return attempt(() => addMoment(input), (deck) => `Moment ${deck.moments.length} marked.`);
    },
    saveNote: (moment: Moment, index: number, note: string) =>
      attempt(() => updateMoment(moment.id, { note }), () => `Note of moment ${index + 1} saved.`),
    move: (moment: Moment, toIndex: number) => {
      const order = moveMoment(
        moments.map((candidate) => candidate.id),
        moment.id,
        toIndex,
      );
      if (!order) return Promise.resolve(null);
      return attempt(() => reorder(order), () => `Moment moved to position ${toIndex + 1}.`);
    },
    remove: async (moment: Moment, index: number) => {
      const deck = await attempt(() => deleteMoment(moment.id), () => `Moment ${index + 1} deleted.`);
      if (deck) setDeleted({ moment, index });
      return deck;
    },
    undoDelete: async () => {
      if (!deleted) return null;
      const deck = await attempt(() => addMoment(momentInput(deleted.moment), Math.min(deleted.index, moments.length)), () => `Moment ${deleted.index + 1} restored.`);
      if (deck) setDeleted(null);
      return deck;
    },
  };
}

export type DeckEditor = ReturnType<typeof useDeckEditor>;
