'use client';

import { useEffect, useEffectEvent, useRef } from 'react';
import type { Presentation } from '@/lib/replay/presentation';
import type { EventFilter } from '@/lib/replay/eventFilter';
import { selectShown } from '../roomScreen/selectors';
import { useScreen } from '../roomScreen/useScreen';
import { useViewerActions } from '../roomScreen/useViewerActions';

/** A filter as a string, to compare two filters and to use one as an effect dependency. */
export function filterKey(filter: EventFilter): string {
  return JSON.stringify([filter.types, filter.actors]);
}

export function toPresentationFilter(filter: EventFilter): Presentation['filter'] {
  return { types: [...filter.types], actors: [...filter.actors] };
}

/**
 * Keeps this screen's selected event and (URL) filter and the room's presentation in step: on arrival the screen
 * takes the room's; afterwards a selection on the timeline or a filter change is presented to the room, and a
 * presentation changed elsewhere (a moment, another presenter tab) is reflected on this screen.
 */
export function usePresentationSync(ready: boolean, presentation: Presentation, show: (next: Presentation) => unknown): void {
  const { filter, selectedEventId } = useScreen(selectShown);
  const { setFilter, selectEvent } = useViewerActions();
  const adopted = useRef(false);
  const seen = useRef({ selectedEventId, filter: filterKey(filter) });

  const reflectPresentation = useEffectEvent(() => {
    if (!ready) return;
    adopted.current = true;
    if (selectedEventId !== presentation.eventId) selectEvent(presentation.eventId);
    if (filterKey(filter) !== filterKey(presentation.filter)) setFilter(presentation.filter);
  });
  const presentLocalChange = useEffectEvent(() => {
    const now = { selectedEventId, filter: filterKey(filter) };
    const changed = now.selectedEventId !== seen.current.selectedEventId || now.filter !== seen.current.filter;
    seen.current = now;
    if (!adopted.current || !changed) return;
    if (selectedEventId === presentation.eventId && now.filter === filterKey(presentation.filter)) return;
    const momentId = selectedEventId === presentation.eventId ? presentation.momentId : null;
    void show({ ...presentation, momentId, eventId: selectedEventId, filter: toPresentationFilter(filter) });
  });

  const presentedFilter = filterKey(presentation.filter);
  useEffect(() => reflectPresentation(), [ready, presentation.eventId, presentedFilter]);
  useEffect(() => presentLocalChange(), [selectedEventId, filter]);
}
