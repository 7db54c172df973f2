'use client';

import { useEffect, useEffectEvent } from 'react';
import { assertNever } from '@/lib/assertNever';
import { usePresenter } from './PresenterContext';
import { shortcutFor, type KeyTarget, type ShortcutAction } from './shortcuts';

function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target.closest('input, textarea, select')) return 'text-entry';
  if (target.closest('button, a[href], summary, [role="button"]')) return 'activatable';
  return 'other';
}

/** The presenter's keyboard shortcuts, on the whole document (see shortcuts.ts for the keys). */
export function usePresenterShortcuts(): void {
  const { ready, actions, toggleFullscreen, helpOpen, setHelpOpen } = usePresenter();

  const run = (action: ShortcutAction) => {
    switch (action.type) {
      case 'next':
        return actions.next();
      case 'previous':
        return actions.previous();
      case 'togglePlay':
        return actions.togglePlay();
      case 'toggleFullscreen':
        return toggleFullscreen();
      case 'chooseChart':
        return actions.chooseChart(action.chart);
      case 'toggleBlank':
        return actions.toggleBlank();
      case 'toggleHelp':
        return setHelpOpen(!helpOpen);
      default:
        return assertNever(action, 'shortcut action');
    }
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // A key already handled on the page (the focused timeline's arrows, a menu's Escape) is not a shortcut.
    if (event.defaultPrevented || event.repeat || !ready) return;
    const action = shortcutFor(event, keyTargetOf(event.target));
    if (!action) return;
    // While the shortcuts overlay is open, only "?" (and Escape, handled by the overlay) work.
    if (helpOpen && action.type !== 'toggleHelp') return;
    event.preventDefault();
    run(action);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
