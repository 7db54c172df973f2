'use client';

import { useState } from 'react';
import { useSearchParams } from 'next/navigation';
import type { ChartId } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import type { RoomReplayState } from '@/lib/realtime/client/replayConnection';
import { isLink, resolveLinkedView, viewFromParams, type LinkedView, type ResolvedLink } from './viewParams';

export type LinkNotice = NonNullable<ResolvedLink['aheadOfRoom']>;

interface OpenLinkOptions {
  /** Dashboards open links; audience screens follow the presenter instead. */
  enabled: boolean;
  /** A presenter's link does not move the room: only its event and chart apply. */
  isPresenter: boolean;
  replay: RoomReplayState | null;
  /** The events the room has released (undefined until the story is loaded). */
  released: readonly StoryEvent[] | undefined;
  roomPlayheadMs: number | null;
  /** Called once, when the room is known: where to stand and which event to open. */
  open(resolved: ResolvedLink): void;
}

/**
 * Reads a link's view (`?t=...&event=...&chart=...`) when the page opens, and opens it once the room's position
 * is known — never past what the room has released.
 */
export function useOpenLink({ enabled, isPresenter, replay, released, roomPlayheadMs, open }: OpenLinkOptions): { initialChart: ChartId | null; notice: LinkNotice | null } {
  const searchParams = useSearchParams();
  const [link] = useState<LinkedView | null>(() => {
    if (!enabled) return null;
    const view = viewFromParams(new URLSearchParams(searchParams.toString()));
    return isLink(view) ? view : null;
  });
  const [pending, setPending] = useState(link !== null);
  const [notice, setNotice] = useState<LinkNotice | null>(null);
  if (pending && link && replay && released && roomPlayheadMs !== null) {
    // Adjusting state while rendering (React's pattern for state derived from a change): runs once.
    const resolved = resolveLinkedView(isPresenter ? { ...link, atMs: null } : link, {
      playheadMs: roomPlayheadMs,
      startMs: replay.clock.startMs,
      released,
    });
    setPending(false);
    setNotice(resolved.aheadOfRoom);
    open(resolved);
  }
  return { initialChart: link?.chart ?? null, notice };
}
