'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Story } from '@/lib/events/checkStory';
import { queryKeys } from '@/lib/queries/queryKeys';
import { initialViewerState } from '@/lib/screen/viewerState';
import { ChartsPanel } from '../roomScreen/charts/ChartsPanel';
import { PlayheadTicker } from '../roomScreen/PlayheadTicker';
import { RoomIdentityContext, type RoomIdentity } from '../roomScreen/roomIdentity';
import { Timeline } from '../roomScreen/timeline/Timeline';
import { PREVIEW_ROOM_ID, seedPreviewRoom } from './previewRoom';

const PREVIEW_IDENTITY: RoomIdentity = { roomId: PREVIEW_ROOM_ID, isPresenter: false, followsPresenter: false, screen: 'dashboard' };

/** The story's timeline and charts as they stand, drawn by the room screen's own panels over a local room. */
export function StudioPreview({ story }: { story: Story | undefined }) {
  const queryClient = useQueryClient();
  const version = useRef(0);
  useState(() => queryClient.setQueryData(queryKeys.viewer(PREVIEW_ROOM_ID, PREVIEW_IDENTITY.screen), initialViewerState(false)));
  useEffect(() => {
    version.current += 1;
    seedPreviewRoom(queryClient, story, `preview-${version.current}`);
  }, [queryClient, story]);
  const count = story?.events.length ?? 0;
  return (
    <section className="studio-preview" aria-labelledby="preview-heading" data-event-count={count}>
      <h2 id="preview-heading">Preview</h2>
      {count === 0 ? (
        <p className="muted">The timeline and charts appear here once an event passes the check.</p>
      ) : (
        <RoomIdentityContext.Provider value={PREVIEW_IDENTITY}>
          <PlayheadTicker />
          <Timeline />
          <ChartsPanel />
        </RoomIdentityContext.Provider>
      )}
    </section>
  );
}
