'use client';

import { CHART_LABELS } from '@/lib/charts/chartIds';
import { useId, useState, type FormEvent } from 'react';
import type { Deck, MomentInput } from '@/lib/decks/deckSchema';
import { MAX_NOTE_CHARS, MAX_TITLE_CHARS } from '@/lib/decks/deckLimits';
import { formatDay } from '@/lib/events/formatStoryDate';

/** What a new moment records besides its note and title: where the story stands and what the screen shows. */
export type MomentCapture = Omit<MomentInput, 'note' | 'title'>;

interface MarkMomentFormProps {
  capture: MomentCapture | null;
  eventTitle(eventId: string): string | undefined;
  onMark(input: MomentInput): Promise<Deck | null>;
  isSaving: boolean;
}

/** "Mark this moment": records the current story time, event, filter and chart with a note (and a title). */
export function MarkMomentForm({ capture, eventTitle, onMark, isSaving }: MarkMomentFormProps) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const titleId = useId();
  const noteId = useId();
  const summaryId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!capture) return;
    const trimmedTitle = title.trim();
    const deck = await onMark({ ...capture, note, ...(trimmedTitle ? { title: trimmedTitle } : {}) });
    if (deck) {
      setTitle('');
      setNote('');
    }
  };

  return (
    <form className="deck-mark" onSubmit={(event) => void submit(event)} aria-label="Mark this moment">
      <label htmlFor={titleId}>Title (optional)</label>
      <input id={titleId} type="text" value={title} maxLength={MAX_TITLE_CHARS} onChange={(event) => setTitle(event.target.value)} />
      <label htmlFor={noteId}>Note (only you see it)</label>
      <textarea id={noteId} rows={3} value={note} maxLength={MAX_NOTE_CHARS} onChange={(event) => setNote(event.target.value)} />
      <p id={summaryId} className="deck-mark-summary muted">
        {capture
          ? `Records ${formatDay(capture.storyMs)} · ${capture.eventId ? (eventTitle(capture.eventId) ?? capture.eventId) : 'no event'} · ${CHART_LABELS[capture.chart]}`
          : 'Waiting for the room…'}
      </p>
      <button type="submit" className="button button-primary" disabled={!capture || isSaving} aria-describedby={summaryId}>
        Mark this moment
      </button>
    </form>
  );
}
