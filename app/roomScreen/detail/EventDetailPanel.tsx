'use client';

import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { StoryEvent } from '@/lib/events/schema';
import { useScenarioSourceQuery } from '@/lib/queries/scenarioSourceQueries';
import { positionOf } from '@/lib/screen/screenView';
import { useScreen, type ScreenData } from '../useScreen';
import { useViewerActions } from '../useViewerActions';
import { EventFacts } from './EventFacts';
import { RelatedEvents } from './RelatedEvents';
import { SourceQuote, type SourceTextStatus } from './SourceQuote';

export type DetailState = 'empty' | 'loading' | 'ready';

function detailState(selectedEventId: string | null, storyLoaded: boolean, event: StoryEvent | undefined, source: SourceTextStatus): DetailState {
  if (selectedEventId === null) return 'empty';
  if (!storyLoaded) return 'loading';
  if (!event) return 'empty';
  return source.status === 'loading' ? 'loading' : 'ready';
}

/**
 * The selected event: its facts as reported and its quote inside the source paragraph. Selecting an event moves the
 * focus to its title; Escape (with focus in the panel) or the close button closes it and returns focus to the opener.
 */
const detailInputs = (data: ScreenData) => ({ selectedEventId: data.view.shown.selectedEventId, story: data.story, events: data.schedule?.events, visibleCount: data.view.visibleCount });

export function EventDetailPanel() {
  const { selectedEventId, story, events, visibleCount } = useScreen(detailInputs);
  const { selectEvent } = useViewerActions();
  const position = selectedEventId === null || !events ? undefined : positionOf(events, selectedEventId);
  const event = position === undefined ? undefined : events?.[position];
  const sourceQuery = useScenarioSourceQuery(story?.scenario.id ?? '', story?.storyVersion ?? '', { enabled: selectedEventId !== null });
  const sourceText: SourceTextStatus = sourceQuery.data
    ? { status: 'ready', source: sourceQuery.data }
    : sourceQuery.isError
      ? { status: 'error' }
      : { status: 'loading' };
  const state = detailState(selectedEventId, story !== undefined, event, sourceText);
  // Released at this screen's position: among the story's first `visibleCount` events.
  const isReleased = useCallback((id: string) => events !== undefined && (positionOf(events, id) ?? Infinity) < visibleCount, [events, visibleCount]);

  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const shownEventId = event?.id;
  useEffect(() => {
    if (shownEventId === undefined) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !panelRef.current?.contains(active)) openerRef.current = active;
    headingRef.current?.focus();
  }, [shownEventId]);

  const close = () => {
    const opener = openerRef.current;
    openerRef.current = null;
    selectEvent(null);
    if (opener?.isConnected) opener.focus();
  };
  const closeOnEscape = (keyEvent: KeyboardEvent<HTMLElement>) => {
    if (keyEvent.key !== 'Escape' || selectedEventId === null) return;
    keyEvent.preventDefault();
    close();
  };

  return (
    <aside
      ref={panelRef}
      className="detail"
      aria-label="Event detail"
      data-state={state}
      data-event-id={selectedEventId ?? undefined}
      onKeyDown={closeOnEscape}
    >
      {selectedEventId === null ? (
        <p className="detail-hint muted">Select an event on the timeline to see its source.</p>
      ) : (
        <div className="detail-header">
          {event ? (
            <h2 ref={headingRef} tabIndex={-1} className="detail-title">
              {event.title}
            </h2>
          ) : (
            <p className="detail-hint muted">{story ? 'This event is not in the story.' : 'Loading the event…'}</p>
          )}
          <button type="button" className="button detail-close" aria-label="Close event detail" onClick={close}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
      {event && story && (
        <>
          <p className="detail-summary">{event.summary}</p>
          <EventFacts event={event} />
          <SourceQuote quote={event.quote} sourceText={sourceText} scenarioSource={story.scenario.source} />
          <RelatedEvents event={event} storyEvents={story.events} isReleased={isReleased} onSelect={selectEvent} />
        </>
      )}
    </aside>
  );
}
