'use client';

import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

/*
 * The cache tells its readers in a microtask rather than on a zero-delay timer. A viewer's choice (a chart, a
 * filter, an event) is written to the query cache, and the controls that show it read it back: told on a timer, a
 * controlled radio or checkbox is put back by React after the click and shows the new choice only a task later.
 * Told in a microtask, it shows it before anything else runs. The stream's updates are batched per animation frame
 * before they reach the cache (useReplaySubscription), so this adds no renders.
 */
if (typeof window !== 'undefined') notifyManager.setScheduler(queueMicrotask);

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 2, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
