'use client';

import { useCallback, useRef, useState } from 'react';
import type { ControlAck } from '@/lib/realtime/protocol';
import type { ReplayControls } from '@/lib/realtime/client/useReplayControls';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';

/**
 * The presentation this presenter shows: the room's, or the one just sent until the server answers (the room's
 * `replay:presentation` arrives before the acknowledgement), so quick successive keys build on each other.
 */
export function usePresentation(roomPresentation: Presentation | undefined, controls: ReplayControls) {
  const [pending, setPending] = useState<{ presentation: Presentation; sendId: number } | null>(null);
  const sendCount = useRef(0);
  const show = useCallback(
    async (next: Presentation): Promise<ControlAck> => {
      sendCount.current += 1;
      const sendId = sendCount.current;
      setPending({ presentation: next, sendId });
      const ack = await controls.present(next);
      setPending((current) => (current?.sendId === sendId ? null : current));
      return ack;
    },
    [controls],
  );
  return { presentation: pending?.presentation ?? roomPresentation ?? INITIAL_PRESENTATION, show };
}
