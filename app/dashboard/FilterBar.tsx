'use client';

import { EVENT_TYPES, type EventType } from '@/lib/events/schema';
import { useDashboard } from './DashboardContext';

/** Filters by type (placeholder: actor filter to come), kept in the URL. */
export function FilterBar() {
  const { filter, setFilter } = useDashboard();
  const toggle = (type: EventType) =>
    setFilter({ ...filter, types: filter.types.includes(type) ? filter.types.filter((t) => t !== type) : [...filter.types, type] });
  return (
    <fieldset className="filter-bar">
      <legend>Show types</legend>
      {EVENT_TYPES.map((type) => (
        <label key={type} className="chip">
          <input type="checkbox" checked={filter.types.includes(type)} onChange={() => toggle(type)} />
          {type}
        </label>
      ))}
    </fieldset>
  );
}
