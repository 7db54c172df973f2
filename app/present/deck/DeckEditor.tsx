'use client';

import { useEffect, useRef } from 'react';
import type { Moment } from '@/lib/decks/deckSchema';
import { MarkMomentForm, type MomentCapture } from './MarkMomentForm';
import { MomentList } from './MomentList';
import { useDeckEditor } from './useDeckEditor';

export interface DeckEditorProps {
  roomId: string;
  presenterKey: string;
  /** What "Mark this moment" records besides the note; null until the room is known. */
  capture: MomentCapture | null;
  currentMomentId: string | null;
  eventTitle(eventId: string): string | undefined;
  onGoTo(moment: Moment): void;
}

/** The presenter's deck: mark the current moment, then order, annotate, present or delete the moments. */
export function DeckEditor({ roomId, presenterKey, capture, currentMomentId, eventTitle, onGoTo }: DeckEditorProps) {
  const editor = useDeckEditor(roomId, presenterKey);
  const undoRef = useRef<HTMLButtonElement>(null);
  const { feedback, deleted, deck } = editor;
  const restore = async () => {
    await editor.undoDelete();
  };
  // The deleted moment's buttons are gone: the focus goes to "Undo delete".
  useEffect(() => {
    if (deleted) undoRef.current?.focus();
  }, [deleted]);

  return (
    <section className="deck" aria-labelledby="deck-heading" data-state={editor.isLoading ? 'loading' : editor.loadError ? 'error' : 'ready'}>
      <h2 id="deck-heading" className="deck-heading">
        Deck {deck && <span className="muted">· {deck.moments.length === 1 ? '1 moment' : `${deck.moments.length} moments`}</span>}
      </h2>
      <MarkMomentForm capture={capture} eventTitle={eventTitle} onMark={editor.mark} isSaving={editor.isSaving} />
      {feedback.kind === 'error' ? (
        <p className="deck-feedback deck-feedback-error" role="alert" data-testid="deck-error">
          {feedback.text}
        </p>
      ) : (
        <p className="deck-feedback muted" role="status">
          {feedback.kind === 'done' ? feedback.text : ''}
          {deleted && (
            <>
              {' '}
              <button ref={undoRef} type="button" className="button deck-small" onClick={() => void restore()}>
                Undo delete
              </button>
            </>
          )}
        </p>
      )}
      {editor.loadError && <p role="alert">The deck could not be loaded: {editor.loadError.message}</p>}
      {deck && deck.moments.length === 0 && <p className="muted">No moments yet: mark one to start the deck.</p>}
      <MomentList
        moments={deck?.moments ?? []}
        currentMomentId={currentMomentId}
        eventTitle={eventTitle}
        editor={editor}
        onGoTo={onGoTo}
      />
    </section>
  );
}
