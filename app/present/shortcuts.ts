import { CHART_IDS, CHART_LABELS, type ChartId } from '@/lib/charts/chartIds';
import { assertNever } from '@/lib/assertNever';

/** What a presenter's key does. */
export type ShortcutAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'togglePlay' }
  | { type: 'toggleFullscreen' }
  | { type: 'chooseChart'; chart: ChartId }
  | { type: 'toggleBlank' }
  | { type: 'toggleHelp' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Where the key was pressed: typing in a field keeps every key; on a button or a link Space presses it, so only
 * the other shortcuts apply.
 */
export type KeyTarget = 'text-entry' | 'activatable' | 'other';

const NEXT: ShortcutAction = { type: 'next' };

/** The action of a key press, or null when the key is not a shortcut there (the browser keeps it). */
export function shortcutFor(press: KeyPress, target: KeyTarget = 'other'): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || target === 'text-entry') return null;
  switch (press.key) {
    case 'ArrowRight':
      return NEXT;
    case ' ':
      return target === 'activatable' ? null : NEXT;
    case 'ArrowLeft':
      return { type: 'previous' };
    case 'p':
    case 'P':
      return { type: 'togglePlay' };
    case 'f':
    case 'F':
      return { type: 'toggleFullscreen' };
    case 'b':
    case 'B':
      return { type: 'toggleBlank' };
    case '?':
      return { type: 'toggleHelp' };
    case '1':
    case '2':
    case '3':
    case '4': {
      const chart = CHART_IDS[Number(press.key) - 1];
      return chart ? { type: 'chooseChart', chart } : null;
    }
    default:
      return null;
  }
}

/** What an action does, in the words of the shortcuts overlay. */
export function describeShortcut(action: ShortcutAction): string {
  switch (action.type) {
    case 'next':
      return 'Next moment of the deck (the next event when the deck is empty)';
    case 'previous':
      return 'Previous moment of the deck (the previous event when the deck is empty)';
    case 'togglePlay':
      return 'Play or pause the story';
    case 'toggleFullscreen':
      return 'Enter or leave full screen';
    case 'chooseChart':
      return `Show the chart “${CHART_LABELS[action.chart]}”`;
    case 'toggleBlank':
      return 'Blank or unblank the audience’s screens';
    case 'toggleHelp':
      return 'Show or hide this list of shortcuts';
    default:
      return assertNever(action, 'shortcut action');
  }
}

export interface ShortcutListing {
  keys: readonly string[];
  action: ShortcutAction;
}

/** Every shortcut, as the overlay lists it (keys as printed on the keyboard). */
export const SHORTCUT_LISTINGS: readonly ShortcutListing[] = [
  { keys: ['→', 'Space'], action: NEXT },
  { keys: ['←'], action: { type: 'previous' } },
  { keys: ['P'], action: { type: 'togglePlay' } },
  { keys: ['F'], action: { type: 'toggleFullscreen' } },
  ...CHART_IDS.map((chart, index): ShortcutListing => ({ keys: [String(index + 1)], action: { type: 'chooseChart', chart } })),
  { keys: ['B'], action: { type: 'toggleBlank' } },
  { keys: ['?'], action: { type: 'toggleHelp' } },
];
