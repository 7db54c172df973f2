import { assertNever } from '../assertNever';
import type { TimeScale } from './compressedScale';
import { EVENT_TYPES, type EventType } from '../events/eventTypes';
import { LANE_IDS, laneIndex } from './lanes';
import type { TimelineMark } from './marks';
import { widthMs, type Viewport } from './viewport';

/** The overview strip is one SVG in this coordinate box, stretched to its element (`preserveAspectRatio="none"`). */
export const OVERVIEW_VIEWBOX_WIDTH = 1000;
export const OVERVIEW_LANE_HEIGHT = 10;
export const OVERVIEW_VIEWBOX_HEIGHT = LANE_IDS.length * OVERVIEW_LANE_HEIGHT;
const TICK_HALF_HEIGHT = 3;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The x in the overview's view box of a story instant, for the whole story (`range`, on the axis). */
export function overviewX(ms: number, range: Viewport, scale: TimeScale): number {
  return round1(((scale.toAxis(ms) - range.startMs) / widthMs(range)) * OVERVIEW_VIEWBOX_WIDTH);
}

/**
 * One SVG path per event type drawing every mark of that type across the whole story (`range`, on the axis of
 * `scale`): a short vertical tick at a point or a bound, a horizontal line for a span, in the row of its lane. Built
 * once per set of events, so the overview costs one element per type however many events there are.
 */
export function overviewPaths(marks: readonly TimelineMark[], range: Viewport, scale: TimeScale): Record<EventType, string> {
  const parts = Object.fromEntries(EVENT_TYPES.map((type) => [type, [] as string[]])) as Record<EventType, string[]>;
  const xOf = (ms: number) => overviewX(ms, range, scale);
  for (const mark of marks) {
    const y = laneIndex(mark.lane) * OVERVIEW_LANE_HEIGHT + OVERVIEW_LANE_HEIGHT / 2;
    const x = xOf(mark.fromMs);
    switch (mark.shape) {
      case 'point':
      case 'onOrBefore':
      case 'onOrAfter':
        parts[mark.type].push(`M${x} ${y - TICK_HALF_HEIGHT}v${2 * TICK_HALF_HEIGHT}`);
        break;
      case 'span':
        parts[mark.type].push(`M${x} ${y}H${Math.max(xOf(mark.toMs), x + 1)}`);
        break;
      default:
        assertNever(mark.shape, 'mark shape');
    }
  }
  return Object.fromEntries(EVENT_TYPES.map((type) => [type, parts[type].join('')])) as Record<EventType, string>;
}
