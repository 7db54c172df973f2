'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { filterToParams } from './filterParams';
import { useScreen, type ScreenData } from './useScreen';

const ownFilter = (data: ScreenData) => data.viewer.own.filter;

/**
 * Keeps a dashboard's own filter in its URL (`?type=...&actor=...`), so that a reload or a shared link restores
 * it (the screen starts from the URL: see RoomScreen). The fragment, where a presenter's key lives, is kept.
 */
export function FilterInUrl(): null {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = useScreen(ownFilter);
  useEffect(() => {
    // The screen started from the URL, and a URL that already says this filter is left alone: no loop.
    const current = new URLSearchParams(searchParams.toString());
    const params = filterToParams(filter, current).toString();
    if (params === current.toString()) return;
    const hash = window.location.hash;
    router.replace(`${params ? `${pathname}?${params}` : pathname}${hash}`, { scroll: false });
  }, [filter, router, pathname, searchParams]);
  return null;
}
