'use client';

import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

const isFullscreenNow = () => document.fullscreenElement !== null;
const notOnServer = () => false;

/** Whether the page is in full screen, and a toggle (the browser may refuse: `onRefused` says why). */
export function useFullscreen(onRefused: (message: string) => void) {
  const isFullscreen = useSyncExternalStore(subscribe, isFullscreenNow, notOnServer);
  const toggle = useCallback(() => {
    const change = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    change.catch((error: unknown) => onRefused(`Full screen is not available here${error instanceof Error ? `: ${error.message}` : ''}`));
  }, [onRefused]);
  return { isFullscreen, toggle };
}
