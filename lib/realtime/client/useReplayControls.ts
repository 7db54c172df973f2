'use client';

import { useCallback, useMemo } from 'react';
import type { Presentation } from '../../replay/presentation';
import type { ControlAck, ControlPayload } from '../protocol';
import { connectionFor } from './connectionRegistry';

export interface ReplayControls {
  send(payload: ControlPayload): Promise<ControlAck>;
  play(): Promise<ControlAck>;
  pause(): Promise<ControlAck>;
  seek(storyMs: number): Promise<ControlAck>;
  setRate(storySecondsPerSecond: number): Promise<ControlAck>;
  step(direction: 'next' | 'previous'): Promise<ControlAck>;
  /** Shows a moment, an event, a chart, a filter or a blank screen to the room's audience. */
  present(presentation: Presentation): Promise<ControlAck>;
}

let commandCounter = 0;
function commandId(): string {
  commandCounter += 1;
  return `${Date.now().toString(36)}-${commandCounter}`;
}

/** Presenter controls of a room, through the page's subscription. */
export function useReplayControls(roomId: string): ReplayControls {
  const send = useCallback(
    async (payload: ControlPayload): Promise<ControlAck> => {
      const connection = connectionFor(roomId);
      if (!connection) return { ok: false, error: { code: 'internal', message: 'not connected' } };
      return connection.control({ ...payload, commandId: payload.commandId ?? commandId() });
    },
    [roomId],
  );
  return useMemo(
    () => ({
      send,
      play: () => send({ type: 'play' }),
      pause: () => send({ type: 'pause' }),
      seek: (storyMs: number) => send({ type: 'seek', to: new Date(storyMs).toISOString() }),
      setRate: (storySecondsPerSecond: number) => send({ type: 'rate', storySecondsPerSecond }),
      step: (direction: 'next' | 'previous') => send({ type: 'step', direction }),
      present: (presentation: Presentation) => send({ type: 'present', presentation }),
    }),
    [send],
  );
}
