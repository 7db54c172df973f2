'use client';

import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import { isFiltering, NO_FILTER, type EventFilter } from '@/lib/replay/eventFilter';
import { useScreen, type ScreenData } from './useScreen';
import { useViewerActions } from './useViewerActions';
import { actorNamesByEventCount, listedActorNames } from './detail/actorNames';

function withTypeToggled(filter: EventFilter, type: EventType): EventFilter {
  const selected = !filter.types.includes(type);
  // Kept in the schema's order, so the same choice always gives the same URL.
  return { ...filter, types: EVENT_TYPES.filter((t) => (t === type ? selected : filter.types.includes(t))) };
}

function withActorToggled(filter: EventFilter, name: string): EventFilter {
  const actors = filter.actors.includes(name) ? filter.actors.filter((a) => a !== name) : [...filter.actors, name];
  return { ...filter, actors };
}

function TypeFilter({ filter, onChange }: { filter: EventFilter; onChange(next: EventFilter): void }) {
  return (
    <fieldset className="filter-group filter-types">
      <legend>Type</legend>
      {EVENT_TYPES.map((type) => (
        <label key={type} className="chip filter-chip" data-type={type}>
          <input type="checkbox" checked={filter.types.includes(type)} onChange={() => onChange(withTypeToggled(filter, type))} />
          <span className={`filter-swatch type-${type}`} aria-hidden="true" />
          {eventTypeLabel(type)}
        </label>
      ))}
    </fieldset>
  );
}

function actorSummary(selected: readonly string[]): string {
  if (selected.length === 0) return 'All actors';
  return selected.length === 1 ? (selected[0] ?? '') : `${selected.length} actors`;
}

/** A disclosure with a box to narrow the list and one checkbox per actor, most active first. */
function ActorFilter({ names, filter, onChange }: { names: readonly string[]; filter: EventFilter; onChange(next: EventFilter): void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const summaryRef = useRef<HTMLElement>(null);
  const searchId = useId();
  const listed = listedActorNames(names, filter.actors, query);
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    summaryRef.current?.focus();
  };
  return (
    <fieldset className="filter-group filter-actors">
      <legend>Actors</legend>
      <details className="filter-actor-picker" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} onKeyDown={closeOnEscape}>
        <summary ref={summaryRef} className="button">
          {actorSummary(filter.actors)}
        </summary>
        <div className="filter-actor-popover">
          <label htmlFor={searchId} className="visually-hidden">
            Narrow the actor list
          </label>
          <input
            id={searchId}
            type="search"
            className="filter-actor-search"
            placeholder="Find an actor"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul className="filter-actor-list" aria-label="Actors to show">
            {listed.map((name) => (
              <li key={name}>
                <label>
                  <input type="checkbox" checked={filter.actors.includes(name)} onChange={() => onChange(withActorToggled(filter, name))} />
                  {name}
                </label>
              </li>
            ))}
          </ul>
          {listed.length === 0 && <p className="muted filter-no-match">No actor matches “{query}”.</p>}
        </div>
      </details>
    </fieldset>
  );
}

/** Filters by type and by actor, kept in the URL so a reload or a shared link restores them. */
const filterInputs = (data: ScreenData) => ({ filter: data.view.shown.filter, story: data.story, shown: data.view.filteredCount, released: data.view.visibleCount });

export function FilterBar() {
  const { filter, story, shown, released } = useScreen(filterInputs);
  const { setFilter } = useViewerActions();
  const actorNames = useMemo(() => actorNamesByEventCount(story?.events ?? []), [story]);
  const filtering = isFiltering(filter);
  return (
    <fieldset className="filter-bar" data-active-types={filter.types.join(',')} data-active-actor-count={filter.actors.length}>
      <legend className="visually-hidden">Filter events</legend>
      <TypeFilter filter={filter} onChange={setFilter} />
      <ActorFilter names={actorNames} filter={filter} onChange={setFilter} />
      <div className="filter-summary">
        <p className="filter-count" data-shown={shown} data-released={released}>
          Showing {shown} of {released} released events
        </p>
        {/* aria-disabled, not disabled: the button keeps the focus after it clears the filters. */}
        <button
          type="button"
          className="button filter-clear"
          aria-disabled={!filtering}
          onClick={() => {
            if (filtering) setFilter(NO_FILTER);
          }}
        >
          Clear filters
        </button>
      </div>
    </fieldset>
  );
}
