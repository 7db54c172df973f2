'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Keeps `#key=…` in the address bar. The filter lives in the query string, and the router drops the fragment when it
 * rewrites the query: without this, a reload after filtering would lose the presenter key.
 */
export function useKeyInUrl(presenterKey: string): void {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  useEffect(() => {
    const fragment = `#key=${encodeURIComponent(presenterKey)}`;
    if (window.location.hash === fragment) return;
    const { pathname, search: query } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${query}${fragment}`);
  }, [presenterKey, search]);
}
