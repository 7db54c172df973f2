'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { paragraphsOf, passageFromPoints, sentencesOf, type Passage } from '@/lib/studio/passageOffsets';
import { paragraphPointOf, selectSourceRange } from './selectionPoints';

interface SourceTextProps {
  text: string;
  /** Editing is allowed: the "Quote selection" button is offered. */
  canQuote: boolean;
  onQuote(passage: Passage): void;
  /** The event open in the form, whose quote the selection can replace (its name for the button). */
  requoteTarget?: string;
  onRequote?(passage: Passage): void;
}

/**
 * The source as paragraphs. Selecting a passage — with the mouse, or from the keyboard (focus the text, then the
 * arrow keys step through sentences, with Shift to extend) — names it below with its offsets, and "Quote selection"
 * starts an event quoting it.
 */
export function SourceText({ text, canQuote, onQuote, requoteTarget, onRequote }: SourceTextProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const sentences = useMemo(() => paragraphs.flatMap((p) => sentencesOf(text, p)), [text, paragraphs]);
  const [selected, setSelected] = useState<Passage | undefined>(undefined);
  const sentenceRef = useRef<{ first: number; last: number } | null>(null);

  useEffect(() => {
    const onChange = () => {
      const container = containerRef.current;
      const selection = window.getSelection();
      if (!container || !selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return;
      const anchor = paragraphPointOf(container, selection.anchorNode, selection.anchorOffset);
      const focus = paragraphPointOf(container, selection.focusNode, selection.focusOffset);
      if (!anchor || !focus) return;
      setSelected(selection.isCollapsed ? undefined : passageFromPoints(text, paragraphs, anchor, focus));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text, paragraphs]);

  const selectSentences = (first: number, last: number) => {
    const container = containerRef.current;
    const from = sentences[first];
    const to = sentences[last];
    if (!container || !from || !to) return;
    sentenceRef.current = { first, last };
    selectSourceRange(container, paragraphs.map((p) => p.start), from.start, to.end);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = sentenceRef.current;
    const count = sentences.length;
    if (count === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (!current) return selectSentences(0, 0);
      if (event.shiftKey) return selectSentences(current.first, Math.min(count - 1, Math.max(current.first, current.last + step)));
      const next = Math.min(count - 1, Math.max(0, (step > 0 ? current.last : current.first) + step));
      return selectSentences(next, next);
    }
    if (event.key === 'Enter' && selected && canQuote) {
      event.preventDefault();
      onQuote(selected);
    }
  };

  return (
    <section className="studio-source" aria-labelledby="studio-source-heading">
      <h2 id="studio-source-heading">Source text</h2>
      <p id="studio-source-help" className="muted">
        Select a passage with the mouse, or focus the text and use the up and down arrow keys to select sentence by
        sentence (Shift extends the selection); then quote it.
      </p>
      <div
        ref={containerRef}
        className="studio-source-text"
        tabIndex={0}
        role="region"
        aria-label="Source text, paragraphs"
        aria-describedby="studio-source-help"
        onKeyDown={onKeyDown}
        data-testid="source-text"
      >
        {paragraphs.map((p, index) => (
          <p key={p.start} data-paragraph={index} data-start={p.start}>
            {text.slice(p.start, p.end)}
          </p>
        ))}
      </div>
      <div className="studio-selection" aria-live="polite">
        {selected ? (
          <p data-testid="selected-passage" data-start={selected.start} data-end={selected.end}>
            Selected ({selected.start}–{selected.end}): <q>{selected.text.length > 160 ? `${selected.text.slice(0, 160)}…` : selected.text}</q>
          </p>
        ) : (
          <p className="muted">No passage selected.</p>
        )}
        {canQuote && (
          <button type="button" className="button button-primary" disabled={!selected} onClick={() => selected && onQuote(selected)}>
            Quote selection
          </button>
        )}
        {canQuote && requoteTarget && onRequote && (
          <button type="button" className="button" disabled={!selected} onClick={() => selected && onRequote(selected)}>
            Use as the quote of {requoteTarget}
          </button>
        )}
      </div>
    </section>
  );
}
