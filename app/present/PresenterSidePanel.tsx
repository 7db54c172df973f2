'use client';

import { useMemo } from 'react';
import { useRoomIdentity } from '../roomScreen/roomIdentity';
import { selectShown, selectStory } from '../roomScreen/selectors';
import { useRoomPlayheadMs, useScreen } from '../roomScreen/useScreen';
import { DeckEditor } from './deck/DeckEditor';
import type { MomentCapture } from './deck/MarkMomentForm';
import { FilterBar } from '../roomScreen/FilterBar';
import { StatusBar } from '../roomScreen/StatusBar';
import { ChartPicker } from './ChartPicker';
import { ElapsedClock } from './ElapsedClock';
import { CurrentNote, NextPreview } from './MomentNotes';
import { usePresenter } from './PresenterContext';
import { PresenterToolbar } from './PresenterToolbar';
import { toPresentationFilter } from './usePresentationSync';

/** What only the presenter sees: controls, the moment's note, what comes next, the elapsed time and the deck. */
export function PresenterSidePanel() {
  const { roomId } = useRoomIdentity();
  const story = useScreen(selectStory);
  const { filter } = useScreen(selectShown);
  const roomPlayheadMs = useRoomPlayheadMs();
  const { presenterKey, presentation, stageEvent, actions, isProjecting, message } = usePresenter();
  const titles = useMemo(() => new Map(story?.events.map((event) => [event.id, event.title])), [story]);
  const capture: MomentCapture | null =
    roomPlayheadMs === null
      ? null
      : { storyMs: Math.round(roomPlayheadMs), eventId: stageEvent?.id ?? null, filter: toPresentationFilter(filter), chart: presentation.chart };

  return (
    <aside className="present-side" aria-label="Presenter panel" hidden={isProjecting}>
      <StatusBar />
      <PresenterToolbar />
      <p className="present-message" role="status" data-testid="presenter-message">
        {message}
      </p>
      <div className="present-side-row">
        <ElapsedClock />
        <NextPreview />
      </div>
      <CurrentNote />
      <ChartPicker />
      <FilterBar />
      <DeckEditor
        roomId={roomId}
        presenterKey={presenterKey}
        capture={capture}
        currentMomentId={presentation.momentId}
        eventTitle={(eventId) => titles.get(eventId)}
        onGoTo={actions.goToMoment}
      />
    </aside>
  );
}
