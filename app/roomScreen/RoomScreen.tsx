'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import { queryKeys } from '@/lib/queries/queryKeys';
import { initialViewerState, type ViewerState } from '@/lib/screen/viewerState';
import { filterFromParams } from './filterParams';
import { isLink, viewFromParams } from './viewParams';
import { FilterInUrl } from './FilterInUrl';
import { LinkOpener } from './LinkOpener';
import { PlayheadTicker } from './PlayheadTicker';
import { RoomIdentityContext, type RoomIdentity } from './roomIdentity';

interface RoomScreenProps {
  roomId: string;
  /** The presenter's key, when this screen controls the room. */
  presenterKey?: string;
  /** An audience screen follows the presenter; its choices stay out of the URL, and it opens no links. */
  followsPresenter?: boolean;
  screen: RoomIdentity['screen'];
  children: ReactNode;
}

/**
 * A room's screen: names the room for the panels below it, starts the viewer's choices (from the URL on a
 * dashboard: its filter, and a link's time, event and chart), and runs the screen's helpers — the playhead ticker,
 * the filter kept in the URL, the link opener. None of them re-renders the panels: they write the query cache.
 */
export function RoomScreen({ roomId, presenterKey, followsPresenter = false, screen, children }: RoomScreenProps) {
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const identity = useMemo<RoomIdentity>(() => ({ roomId, isPresenter: presenterKey !== undefined, followsPresenter, screen }), [roomId, presenterKey, followsPresenter, screen]);
  const [link] = useState(() => {
    if (followsPresenter) return null;
    const view = viewFromParams(new URLSearchParams(searchParams.toString()));
    return isLink(view) ? view : null;
  });
  useState(() => {
    // Seeded before the panels first render, so that none of them shows a default first.
    const key = queryKeys.viewer(roomId, screen);
    if (queryClient.getQueryData(key)) return;
    const own = followsPresenter ? {} : { filter: filterFromParams(new URLSearchParams(searchParams.toString())), chart: link?.chart ?? null };
    queryClient.setQueryData<ViewerState>(key, initialViewerState(followsPresenter, own));
  });
  return (
    <RoomIdentityContext.Provider value={identity}>
      <PlayheadTicker />
      {!followsPresenter && <FilterInUrl />}
      {link && <LinkOpener link={link} />}
      {children}
    </RoomIdentityContext.Provider>
  );
}
