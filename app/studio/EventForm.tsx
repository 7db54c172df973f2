'use client';

import { useMemo } from 'react';
import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import type { DraftEvent } from '@/lib/studio/draftStory';
import { suggestDates } from '@/lib/studio/dateSuggestions';
import { ActorFields } from './ActorFields';
import { CasualtyFields } from './CasualtyFields';
import { SelectField, TextField } from './fields';
import { TimeFields } from './TimeFields';

const TYPE_OPTIONS = EVENT_TYPES.map((type) => ({ value: type, label: eventTypeLabel(type) }));
const IMPORTANCE_OPTIONS = [
  { value: '1', label: '1 (minor)' },
  { value: '2', label: '2' },
  { value: '3', label: '3 (key event)' },
];

interface EventFormProps {
  index: number;
  event: DraftEvent;
  events: readonly DraftEvent[];
  sourceText: string;
  published: string;
  knownActors: ReadonlyMap<string, string>;
  knownPlaces: readonly string[];
  onChange(patch: Partial<DraftEvent>): void;
  onRemove(): void;
  onClose(): void;
}

/** One event of the story: its quote (fixed by the selection), what happened, who, where, when and how many. */
export function EventForm({ index, event, events, sourceText, published, knownActors, knownPlaces, onChange, onRemove, onClose }: EventFormProps) {
  const suggestions = useMemo(
    () => suggestDates({ text: sourceText, quoteStart: event.quote.start, quoteEnd: event.quote.end, published }),
    [sourceText, event.quote.start, event.quote.end, published],
  );
  const others = events.filter((e, i) => i !== index && e.id);
  const toggleRelated = (id: string, on: boolean) => onChange({ related: on ? [...event.related, id] : event.related.filter((r) => r !== id) });
  return (
    <section className="studio-event-form" aria-labelledby="event-form-heading" data-testid="event-form" data-event-index={index}>
      <h2 id="event-form-heading" tabIndex={-1}>
        Event {index + 1}: {event.title || event.id}
      </h2>
      <figure className="studio-quote">
        <blockquote id="event-quote" tabIndex={-1} data-start={event.quote.start} data-end={event.quote.end}>
          {event.quote.text}
        </blockquote>
        <figcaption className="muted">
          Quote, offsets {event.quote.start}–{event.quote.end} of the source (select another passage to start another event)
        </figcaption>
      </figure>
      <div className="studio-row">
        <TextField id="event-title" label="Title" value={event.title} onChange={(title) => onChange({ title })} />
        <TextField id="event-id" label="Event id" value={event.id} onChange={(id) => onChange({ id })} hint="Lowercase letters and digits joined by hyphens" />
      </div>
      <div className="studio-field">
        <label htmlFor="event-summary">Summary</label>
        <textarea id="event-summary" rows={2} value={event.summary} onChange={(e) => onChange({ summary: e.target.value })} />
      </div>
      <div className="studio-row">
        <SelectField<EventType> id="event-type" label="Type" value={event.type} options={TYPE_OPTIONS} onChange={(type) => onChange({ type })} />
        <SelectField id="event-importance" label="Importance" value={String(event.importance)} options={IMPORTANCE_OPTIONS} onChange={(v) => onChange({ importance: Number(v) })} />
        <TextField id="event-attribution" label="Attribution (who says so)" value={event.attribution} onChange={(attribution) => onChange({ attribution })} />
      </div>
      <TimeFields time={event.time} suggestions={suggestions} onChange={(time) => onChange({ time })} />
      <ActorFields actors={event.actors} known={knownActors} onChange={(actors) => onChange({ actors })} />
      <datalist id="story-places">
        {knownPlaces.map((place) => (
          <option key={place} value={place} />
        ))}
      </datalist>
      <TextField id="event-place" label="Place (optional)" list="story-places" value={event.place} onChange={(place) => onChange({ place })} />
      <CasualtyFields casualties={event.casualties} onChange={(casualties) => onChange({ casualties })} />
      <fieldset id="event-related" tabIndex={-1} className="studio-related">
        <legend>Related events</legend>
        {others.length === 0 && <p className="muted">No other event yet.</p>}
        {others.map((other) => (
          <label key={other.id}>
            <input type="checkbox" checked={event.related.includes(other.id)} onChange={(e) => toggleRelated(other.id, e.target.checked)} />
            {other.title || other.id}
          </label>
        ))}
      </fieldset>
      <div className="studio-actions">
        <button type="button" className="button" onClick={onClose}>
          Done with this event
        </button>
        <button type="button" className="button" onClick={onRemove}>
          Remove this event
        </button>
      </div>
    </section>
  );
}
