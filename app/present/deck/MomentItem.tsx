'use client';

import { CHART_LABELS } from '@/lib/charts/chartIds';
import { useEffect, useRef } from 'react';
import type { Moment } from '@/lib/decks/deckSchema';
import { formatDay } from '@/lib/events/formatStoryDate';
import { MomentNoteEditor } from './MomentNoteEditor';

export type MoveDirection = 'up' | 'down';

interface MomentItemProps {
  moment: Moment;
  index: number;
  count: number;
  isCurrent: boolean;
  eventTitle: string | undefined;
  /** Set right after this moment moved: its move button (or the other one at an end) takes the focus back. */
  focusAfterMove: MoveDirection | null;
  onFocusedAfterMove(): void;
  onGoTo(): void;
  onMove(direction: MoveDirection): void;
  onDelete(): void;
  onSaveNote(note: string): Promise<unknown>;
}

/** One moment of the deck: what it shows, its note, and the buttons to present, move, edit and delete it. */
export function MomentItem({ moment, index, count, isCurrent, eventTitle, focusAfterMove, onFocusedAfterMove, onGoTo, onMove, onDelete, onSaveNote }: MomentItemProps) {
  const number = index + 1;
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const isFirst = index === 0;
  const isLast = index === count - 1;

  useEffect(() => {
    if (focusAfterMove === null) return;
    const preferred = focusAfterMove === 'up' ? (isFirst ? downRef : upRef) : isLast ? upRef : downRef;
    preferred.current?.focus();
    onFocusedAfterMove();
  }, [focusAfterMove, isFirst, isLast, onFocusedAfterMove]);

  return (
    <li className="deck-item" data-moment-id={moment.id} data-current={isCurrent} aria-current={isCurrent ? 'step' : undefined}>
      <h3 className="deck-item-title">
        <span className="deck-item-number">{number}.</span> {moment.title || eventTitle || `Moment at ${formatDay(moment.storyMs)}`}
      </h3>
      <p className="deck-item-meta muted">
        <time>{formatDay(moment.storyMs)}</time> · {eventTitle ?? 'no event selected'} · {CHART_LABELS[moment.chart]}
        {(moment.filter.types.length > 0 || moment.filter.actors.length > 0) && ' · filtered'}
      </p>
      <MomentNoteEditor note={moment.note} number={number} onSave={onSaveNote} />
      <div className="deck-item-actions">
        <button type="button" className="button deck-small" onClick={onGoTo} aria-label={`Go to moment ${number}`}>
          Go to
        </button>
        <button ref={upRef} type="button" className="button deck-small" onClick={() => onMove('up')} disabled={isFirst} aria-label={`Move up moment ${number}`}>
          Move up
        </button>
        <button ref={downRef} type="button" className="button deck-small" onClick={() => onMove('down')} disabled={isLast} aria-label={`Move down moment ${number}`}>
          Move down
        </button>
        <button type="button" className="button deck-small deck-delete" onClick={onDelete} aria-label={`Delete moment ${number}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
