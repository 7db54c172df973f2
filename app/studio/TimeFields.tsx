'use client';

import { DATE_PRECISIONS, type DatePrecision } from '@/lib/events/precision';
import { formatStoryTime } from '@/lib/events/formatStoryDate';
import { draftTimeFrom, type DraftTime } from '@/lib/studio/draftStory';
import type { DateSuggestion } from '@/lib/studio/dateSuggestions';
import { SelectField, TextField } from './fields';

const PRECISION_OPTIONS = DATE_PRECISIONS.map((p) => ({ value: p, label: p }));
const MODE_OPTIONS = [
  { value: 'point' as const, label: 'a date with its precision' },
  { value: 'range' as const, label: 'a range (either bound may be left empty)' },
];

function describe(suggestion: DateSuggestion): string {
  try {
    return formatStoryTime(suggestion.time);
  } catch {
    return suggestion.time.asWritten;
  }
}

function sameTime(suggestion: DateSuggestion, time: DraftTime): boolean {
  const chosen = draftTimeFrom(suggestion.time, time);
  return JSON.stringify(chosen) === JSON.stringify(time);
}

interface TimeFieldsProps {
  time: DraftTime;
  suggestions: readonly DateSuggestion[];
  onChange(time: DraftTime): void;
}

/** When the event happened: a suggestion from the words of the source, accepted as is or overridden. */
export function TimeFields({ time, suggestions, onChange }: TimeFieldsProps) {
  const set = (patch: Partial<DraftTime>) => onChange({ ...time, ...patch });
  return (
    <fieldset className="studio-time" data-testid="time-fields">
      <legend>Time</legend>
      {suggestions.length > 0 && (
        <ul className="studio-suggestions" aria-label="Date suggestions">
          {suggestions.map((suggestion, index) => {
            const accepted = sameTime(suggestion, time);
            return (
              <li key={`${suggestion.start}-${index}`} data-source={suggestion.source} data-accepted={accepted}>
                <span>
                  <strong>{describe(suggestion)}</strong>{' '}
                  {suggestion.source === 'default' ? (
                    <span className="muted">(no date in the sentence or its paragraph: before publication)</span>
                  ) : (
                    <span className="muted">
                      from the words <q>{suggestion.words}</q> in the {suggestion.source}
                    </span>
                  )}
                </span>
                <button type="button" className="button" aria-pressed={accepted} onClick={() => onChange(draftTimeFrom(suggestion.time, time))}>
                  {accepted ? 'Accepted' : 'Accept'}
                  <span className="visually-hidden"> {describe(suggestion)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <SelectField id="event-time-mode" label="The source gives" value={time.mode} options={MODE_OPTIONS} onChange={(mode) => set({ mode })} />
      {time.mode === 'point' ? (
        <div className="studio-row">
          <TextField id="event-time-date" label="Date" value={time.date} onChange={(date) => set({ date })} placeholder="YYYY-MM-DD" hint="The first day of the period" />
          <SelectField<DatePrecision> id="event-time-precision" label="Precision" value={time.precision} options={PRECISION_OPTIONS} onChange={(precision) => set({ precision })} />
        </div>
      ) : (
        <div className="studio-row">
          <TextField id="event-time-start-date" label="From (optional)" value={time.startDate} onChange={(startDate) => set({ startDate })} placeholder="YYYY-MM-DD" />
          <SelectField<DatePrecision> id="event-time-start-precision" label="From, precision" value={time.startPrecision} options={PRECISION_OPTIONS} onChange={(startPrecision) => set({ startPrecision })} />
          <TextField id="event-time-end-date" label="Until (optional)" value={time.endDate} onChange={(endDate) => set({ endDate })} placeholder="YYYY-MM-DD" />
          <SelectField<DatePrecision> id="event-time-end-precision" label="Until, precision" value={time.endPrecision} options={PRECISION_OPTIONS} onChange={(endPrecision) => set({ endPrecision })} />
        </div>
      )}
      <TextField id="event-time-as-written" label="As written in the source" value={time.asWritten} onChange={(asWritten) => set({ asWritten })} hint="The source's own words for the time" />
    </fieldset>
  );
}
