'use client';

import { useCallback, useMemo, useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { NO_FILTER, type EventFilter } from '@/lib/replay/roomView';
import { filterFromParams, filterToParams } from './filterParams';

/**
 * The screen's own filter: in the URL (`?type=...&actor=...`) on a dashboard, so a reload or a shared link restores
 * it; in memory on an audience screen, whose URL stays the room's.
 */
export function useFilterState(storeInUrl: boolean): [EventFilter, (filter: EventFilter) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlFilter = useMemo(() => filterFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const setUrlFilter = useCallback(
    (next: EventFilter) => {
      const params = filterToParams(next, new URLSearchParams(searchParams.toString())).toString();
      // Keep the fragment: a presenter's key lives there, and a reload must not lose it.
      const hash = typeof window === 'undefined' ? '' : window.location.hash;
      router.replace(`${params ? `${pathname}?${params}` : pathname}${hash}`, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  const [memoryFilter, setMemoryFilter] = useState<EventFilter>(NO_FILTER);
  return storeInUrl ? [urlFilter, setUrlFilter] : [memoryFilter, setMemoryFilter];
}
