'use client';

import { useMemo } from 'react';
import type { StoryEvent } from '@/lib/events/schema';
import { useScreen, type ScreenData } from './useScreen';
import { useLiveAnnouncement } from './detail/useLiveAnnouncement';

const NO_EVENTS: readonly StoryEvent[] = [];

const announcerInputs = (data: ScreenData) => ({
  seq: data.replay?.seq,
  released: data.view.releasedCount,
  change: data.view.change,
  following: data.view.view.mode === 'live',
  events: data.schedule?.events ?? NO_EVENTS,
  filter: data.view.shown.filter,
});

/**
 * Politely announces events released while the screen follows live ("New strike: …"), at most one announcement
 * every two seconds. The initial batch, jumps and snapshots are not announced.
 */
export function LiveAnnouncer() {
  const { seq, released, change, following, events, filter } = useScreen(announcerInputs);
  const observation = useMemo(() => (seq === undefined ? null : { released, seq, following, change }), [released, seq, following, change]);
  const message = useLiveAnnouncement(observation, events, filter);
  return (
    <div className="visually-hidden announcer" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </div>
  );
}
