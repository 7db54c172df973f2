'use client';

import { useMutation } from '@tanstack/react-query';
import { fetchJson } from '@/lib/queries/fetchJson';

export interface CreatedBriefing {
  roomId: string;
  presenterKey: string;
  scenarioId: string;
}

/** `POST /api/rooms`: a new room for the story, paused at its first event, and its presenter key. */
export function useCreateBriefing() {
  return useMutation({
    mutationFn: (scenarioId: string) =>
      fetchJson<CreatedBriefing>('/api/rooms', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenarioId }),
      }),
  });
}
