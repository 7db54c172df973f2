'use client';

import { CHART_LABELS } from '@/lib/charts/chartIds';
import type { ReactNode } from 'react';
import { formatDay, formatStoryTime } from '@/lib/events/formatStoryDate';
import { positionOf } from '@/lib/screen/screenView';
import { selectSchedule } from '../roomScreen/selectors';
import { useRoomPlayheadMs, useScreen } from '../roomScreen/useScreen';
import { usePresenter } from './PresenterContext';
import { nextTarget, nextUnreleasedEvent } from './presenterNavigation';

/** The presented moment's note: for the presenter's eyes only. */
export function CurrentNote() {
  const { moments, momentIndex } = usePresenter();
  const moment = moments[momentIndex];
  return (
    <section className="present-note" aria-labelledby="present-note-heading" data-testid="current-note">
      <h2 id="present-note-heading" className="present-side-label">
        {moment ? `Note · moment ${momentIndex + 1} of ${moments.length}` : 'Note'}
      </h2>
      {moment ? (
        <p className="present-note-text">{moment.note || <span className="muted">No note for this moment.</span>}</p>
      ) : (
        <p className="muted">{moments.length === 0 ? 'Mark moments to build a deck: their notes show here.' : 'Press → to present the first moment.'}</p>
      )}
    </section>
  );
}

/** What → leads to: the next moment of the deck, or the next event of the story when there is no deck. */
export function NextPreview() {
  const schedule = useScreen(selectSchedule);
  const roomPlayheadMs = useRoomPlayheadMs();
  const { moments, momentIndex } = usePresenter();
  const target = nextTarget(moments, momentIndex);
  let body: ReactNode;
  if (target.kind === 'moment') {
    const { moment, index } = target;
    const position = moment.eventId && schedule ? positionOf(schedule.events, moment.eventId) : undefined;
    const event = position === undefined ? undefined : schedule?.events[position];
    body = (
      <>
        <p className="present-next-title">
          {index + 1}. {moment.title || event?.title || `Moment at ${formatDay(moment.storyMs)}`}
        </p>
        <p className="muted">
          {formatDay(moment.storyMs)} · {CHART_LABELS[moment.chart]}
        </p>
      </>
    );
  } else if (target.kind === 'event') {
    const event = schedule && roomPlayheadMs !== null ? nextUnreleasedEvent(schedule, roomPlayheadMs) : undefined;
    body = event ? (
      <>
        <p className="present-next-title">{event.title}</p>
        <p className="muted">{formatStoryTime(event.time)}</p>
      </>
    ) : (
      <p className="muted">No more events: the story ends here.</p>
    );
  } else {
    body = <p className="muted">End of the deck.</p>;
  }
  return (
    <section className="present-next" aria-labelledby="present-next-heading" data-testid="next-preview" data-next={target.kind}>
      <h2 id="present-next-heading" className="present-side-label">
        {target.kind === 'event' ? 'Next event' : 'Next moment'}
      </h2>
      {body}
    </section>
  );
}
