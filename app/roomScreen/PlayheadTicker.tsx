'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '@/lib/queries/queryKeys';
import { roomPlayheadMs } from './usePlayhead';
import { useRoomIdentity } from './roomIdentity';
import { useScreen, type ScreenData } from './useScreen';

/** How often the room's playhead is written while it plays: labels and charts follow at this pace. */
export const PLAYHEAD_STEP_MS = 250;

/** Only what the playhead depends on: a release does not restart the ticker. */
const clockInputs = (data: ScreenData) => ({ clock: data.replay?.clock, serverOffsetMs: data.replay?.serverOffsetMs ?? 0, schedule: data.schedule });

/**
 * Writes the room's playhead into the query cache: at once when the room's clock or story changes, then every
 * PLAYHEAD_STEP_MS while it plays. The playhead is derived from the clock, never sent per frame.
 */
export function PlayheadTicker(): null {
  const { roomId } = useRoomIdentity();
  const queryClient = useQueryClient();
  const { clock, serverOffsetMs, schedule } = useScreen(clockInputs);
  useEffect(() => {
    if (!clock || !schedule) return;
    const write = () => queryClient.setQueryData(queryKeys.playhead(roomId), roomPlayheadMs({ clock, serverOffsetMs }, schedule, Date.now()));
    write();
    if (clock.status !== 'playing') return;
    const timer = setInterval(write, PLAYHEAD_STEP_MS);
    return () => clearInterval(timer);
  }, [queryClient, roomId, clock, serverOffsetMs, schedule]);
  return null;
}
