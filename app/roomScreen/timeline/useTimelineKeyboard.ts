'use client';

import { useCallback, type KeyboardEvent } from 'react';
import type { StepDirection } from '../useEventStepper';
import { ZOOM_BUTTON_FACTOR } from './TimelineToolbar';

type Step = (direction: StepDirection, unit?: 'event' | 'day' | 'edge') => void;

/**
 * Keys on the focused timeline region: ←/→ previous/next event, Shift+←/→ one day, Home/End the start or the end
 * (a viewer's End goes back to live), +/- zoom. Keys with Ctrl, Alt or Meta are left to the browser.
 */
export function useTimelineKeyboard(step: Step, zoomBy: (zoomFactor: number) => void) {
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      switch (event.key) {
        case 'ArrowLeft':
          step('previous', event.shiftKey ? 'day' : 'event');
          break;
        case 'ArrowRight':
          step('next', event.shiftKey ? 'day' : 'event');
          break;
        case 'Home':
          step('previous', 'edge');
          break;
        case 'End':
          step('next', 'edge');
          break;
        case '+':
        case '=':
          zoomBy(ZOOM_BUTTON_FACTOR);
          break;
        case '-':
          zoomBy(1 / ZOOM_BUTTON_FACTOR);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [step, zoomBy],
  );
}
