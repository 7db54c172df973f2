'use client';

import { useEffect } from 'react';

/** The key that brings a viewer back to the presenter: L, for "live" (F is the usual full-screen key). */
export const FOLLOW_KEY = 'L';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox');
}

/** Calls `follow` when the viewer presses L anywhere on the page (not while typing, not with a modifier). */
export function useFollowShortcut(follow: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toUpperCase() !== FOLLOW_KEY || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      follow();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [follow]);
}
