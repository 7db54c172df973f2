'use client';

import { useCallback, useState } from 'react';
import type { Moment } from '@/lib/decks/deckSchema';
import { MomentItem, type MoveDirection } from './MomentItem';
import type { DeckEditor } from './useDeckEditor';

interface MomentListProps {
  moments: readonly Moment[];
  currentMomentId: string | null;
  eventTitle(eventId: string): string | undefined;
  editor: DeckEditor;
  onGoTo(moment: Moment): void;
}

/** The deck's moments in presentation order. */
export function MomentList({ moments, currentMomentId, eventTitle, editor, onGoTo }: MomentListProps) {
  const [moved, setMoved] = useState<{ momentId: string; direction: MoveDirection; toIndex: number } | null>(null);
  const clearMoved = useCallback(() => setMoved(null), []);

  const move = async (moment: Moment, index: number, direction: MoveDirection) => {
    const toIndex = direction === 'up' ? index - 1 : index + 1;
    if (await editor.move(moment, toIndex)) setMoved({ momentId: moment.id, direction, toIndex });
  };

  return (
    <ol className="deck-list" aria-label="Moments" data-count={moments.length}>
      {moments.map((moment, index) => (
        <MomentItem
          key={moment.id}
          moment={moment}
          index={index}
          count={moments.length}
          isCurrent={moment.id === currentMomentId}
          eventTitle={moment.eventId ? eventTitle(moment.eventId) : undefined}
          // Once the list shows the new order, the moved item takes the focus back.
          focusAfterMove={moved?.momentId === moment.id && moved.toIndex === index ? moved.direction : null}
          onFocusedAfterMove={clearMoved}
          onGoTo={() => onGoTo(moment)}
          onMove={(direction) => void move(moment, index, direction)}
          onDelete={() => void editor.remove(moment, index)}
          onSaveNote={(note) => editor.saveNote(moment, index, note)}
        />
      ))}
    </ol>
  );
}
