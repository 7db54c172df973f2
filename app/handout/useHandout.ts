'use client';

import { useMemo } from 'react';
import type { ScenarioDetail } from '@/lib/api/scenarioResources';
import { ApiError } from '@/lib/queries/fetchJson';
import { useDeckQuery } from '@/lib/queries/deckQueries';
import { useRoomQuery } from '@/lib/queries/roomQueries';
import { useScenarioQuery } from '@/lib/queries/scenarioQueries';
import { usePresenterKey } from '@/lib/realtime/client/presenterKey';
import { buildSchedule } from '@/lib/replay/schedule';
import { handoutPages, type HandoutPageContent } from './handoutPages';

export type Handout =
  | { state: 'loading' }
  /** The page was opened without the presenter key in its fragment. */
  | { state: 'no-key' }
  | { state: 'error'; message: string }
  | { state: 'ready'; story: ScenarioDetail; pages: HandoutPageContent[] };

function errorMessage(error: Error): string {
  if (error instanceof ApiError && error.status === 403) return 'The presenter key in this link is not this room’s.';
  if (error instanceof ApiError && error.status === 404) return 'This room does not exist (or has closed).';
  return `The handout could not be loaded (${error.message}).`;
}

/** The room's deck (with the presenter key) and its story, as one page per moment. */
export function useHandout(roomId: string): Handout {
  const { read, key } = usePresenterKey();
  const deck = useDeckQuery(roomId, key);
  const room = useRoomQuery(roomId);
  const scenarioId = room.data?.scenarioId ?? '';
  const story = useScenarioQuery(scenarioId, { enabled: scenarioId.length > 0 });
  const schedule = useMemo(() => (story.data ? buildSchedule(story.data.events) : undefined), [story.data]);
  const pages = useMemo(() => (deck.data && schedule ? handoutPages(roomId, deck.data, schedule) : undefined), [roomId, deck.data, schedule]);
  if (!read) return { state: 'loading' };
  if (key === undefined) return { state: 'no-key' };
  const error = deck.error ?? room.error ?? story.error;
  if (error) return { state: 'error', message: errorMessage(error) };
  if (!pages || !story.data) return { state: 'loading' };
  return { state: 'ready', story: story.data, pages };
}
