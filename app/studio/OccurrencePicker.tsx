'use client';

import { useEffect, useRef, useState } from 'react';
import type { Occurrence } from '@/lib/studio/occurrences';

interface OccurrencePickerProps {
  occurrences: readonly Occurrence[];
  /** The occurrence the person selected: preselected. */
  selectedStart: number;
  onPick(occurrence: Occurrence): void;
  onCancel(): void;
}

/** The passage occurs more than once: the person says which occurrence the event quotes. */
export function OccurrencePicker({ occurrences, selectedStart, onPick, onCancel }: OccurrencePickerProps) {
  const [chosen, setChosen] = useState(selectedStart);
  const legendRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => legendRef.current?.focus(), []);
  const pick = occurrences.find((o) => o.start === chosen);
  return (
    <section className="studio-occurrences" aria-labelledby="occurrences-heading" data-testid="occurrence-picker">
      <h3 id="occurrences-heading" ref={legendRef} tabIndex={-1}>
        This passage occurs {occurrences.length} times: which one does the event quote?
      </h3>
      <fieldset>
        <legend className="visually-hidden">Occurrence of the passage</legend>
        {occurrences.map((occurrence, index) => (
          <label key={occurrence.start} className="studio-occurrence">
            <input type="radio" name="occurrence" value={occurrence.start} checked={chosen === occurrence.start} onChange={() => setChosen(occurrence.start)} />
            <span>
              Occurrence {index + 1} of {occurrences.length} (offsets {occurrence.start}–{occurrence.end}
              {occurrence.start === selectedStart ? ', the one selected' : ''}): …{occurrence.before}
              <mark>{occurrence.text}</mark>
              {occurrence.after}…
            </span>
          </label>
        ))}
      </fieldset>
      <div className="studio-actions">
        <button type="button" className="button button-primary" disabled={!pick} onClick={() => pick && onPick(pick)}>
          Quote this occurrence
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
