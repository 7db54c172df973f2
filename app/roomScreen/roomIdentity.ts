'use client';

import { createContext, useContext } from 'react';

/**
 * Which room a screen shows and as whom: the only thing a room's screen passes down through React context. It never
 * changes while the screen is open; everything that changes is read from the query cache through narrow hooks.
 */
export interface RoomIdentity {
  roomId: string;
  isPresenter: boolean;
  /** An audience screen: it follows the presenter until the viewer looks around. */
  followsPresenter: boolean;
  /** Which kind of screen this is: each keeps its own viewer choices. */
  screen: 'dashboard' | 'present' | 'watch';
}

export const RoomIdentityContext = createContext<RoomIdentity | null>(null);

export function useRoomIdentity(): RoomIdentity {
  const identity = useContext(RoomIdentityContext);
  if (!identity) throw new Error('useRoomIdentity must be used inside <RoomScreen>');
  return identity;
}
