import { MS_PER_DAY, MS_PER_HOUR, MS_PER_WEEK } from '../events/calendar';

/**
 * The window of the axis the timeline shows (`endMs` > `startMs`), in axis time: story time (UTC epoch ms) with the
 * long empty stretches cut short (compressedScale.ts); where a story has none, axis time is story time. The axis
 * is linear in axis time, so everything here is plain linear maths: convert story instants with the story's
 * `TimeScale` (`toAxis`) before passing them in, and back (`toStory`) to show or send them. Every function returns
 * a new viewport inside the limits of the story (its bounds plus a margin on each side), at least
 * `MIN_VIEWPORT_WIDTH_MS` wide and at most as wide as those limits.
 */
export interface Viewport {
  startMs: number;
  endMs: number;
}

/** The story's span on the axis: the replay clock's `startMs`..`endMs`, through the story's scale. */
export type StoryBounds = Viewport;

export const MIN_VIEWPORT_WIDTH_MS = MS_PER_HOUR;
/** Room left and right of the story, as a share of its span, and never less than a day. */
export const STORY_MARGIN_FRACTION = 0.02;
export const MIN_STORY_MARGIN_MS = MS_PER_DAY;
/** "Focus" views leave this share of their width after the position they focus on. */
export const FOCUS_TRAILING_FRACTION = 0.1;
/** When most events fall in the last four weeks, the default view shows those weeks (see defaultViewport). */
export const RECENT_WINDOW_MS = 4 * MS_PER_WEEK;
export const RECENT_SHARE_FOR_FOCUS = 0.5;
/** When a followed playhead leaves the window (either side), the window moves to put it at this share of its width. */
export const FOLLOW_POSITION_FRACTION = 0.8;

export function widthMs(viewport: Viewport): number {
  return viewport.endMs - viewport.startMs;
}

export function storyMarginMs(bounds: StoryBounds): number {
  return Math.max(MIN_STORY_MARGIN_MS, widthMs(bounds) * STORY_MARGIN_FRACTION);
}

/** The widest view: the whole story with its margins. */
export function fitStory(bounds: StoryBounds): Viewport {
  const marginMs = storyMarginMs(bounds);
  return { startMs: bounds.startMs - marginMs, endMs: bounds.endMs + marginMs };
}

/** A width brought within [MIN_VIEWPORT_WIDTH_MS, whole story + margins]. */
export function clampWidthMs(width: number, bounds: StoryBounds): number {
  return Math.min(widthMs(fitStory(bounds)), Math.max(MIN_VIEWPORT_WIDTH_MS, width));
}

/** Brings a viewport within the limits: a width out of range is clamped around the centre, then it is shifted inside. */
export function clampViewport(viewport: Viewport, bounds: StoryBounds): Viewport {
  const limits = fitStory(bounds);
  const width = clampWidthMs(widthMs(viewport), bounds);
  const centredStartMs = width === widthMs(viewport) ? viewport.startMs : (viewport.startMs + viewport.endMs) / 2 - width / 2;
  const startMs = Math.min(Math.max(centredStartMs, limits.startMs), limits.endMs - width);
  return { startMs, endMs: startMs + width };
}

/** Zooms by `zoomFactor` (> 1 zooms in, < 1 out) keeping `anchorMs` at the same place on screen. */
export function zoomAt(viewport: Viewport, zoomFactor: number, anchorMs: number, bounds: StoryBounds): Viewport {
  const width = widthMs(viewport);
  const nextWidth = clampWidthMs(width / zoomFactor, bounds);
  const anchorShare = (anchorMs - viewport.startMs) / width;
  const startMs = anchorMs - anchorShare * nextWidth;
  return clampViewport({ startMs, endMs: startMs + nextWidth }, bounds);
}

/** Moves the window by `deltaMs` (positive: later), stopping at the limits. */
export function pan(viewport: Viewport, deltaMs: number, bounds: StoryBounds): Viewport {
  return clampViewport({ startMs: viewport.startMs + deltaMs, endMs: viewport.endMs + deltaMs }, bounds);
}

/** The `durationMs` before `positionMs`, with a little room after it. */
export function focusBefore(positionMs: number, durationMs: number, bounds: StoryBounds): Viewport {
  return clampViewport({ startMs: positionMs - durationMs, endMs: positionMs + durationMs * FOCUS_TRAILING_FRACTION }, bounds);
}

/** The window of the same width centred on `centreMs`. */
export function centreOn(viewport: Viewport, centreMs: number, bounds: StoryBounds): Viewport {
  const half = widthMs(viewport) / 2;
  return clampViewport({ startMs: centreMs - half, endMs: centreMs + half }, bounds);
}

/**
 * The view a story opens with. A story whose events mostly fall in its last four weeks (the first story spans
 * 2018–2025 but most of its events are in April 2025) opens on those four weeks, where fitting the whole span would
 * crush them into a few pixels; the overview strip still shows the whole story. Any other story opens fitted.
 * `anchorsMs` are the events' anchors on the axis.
 */
export function defaultViewport(bounds: StoryBounds, anchorsMs: readonly number[]): Viewport {
  const recentStartMs = bounds.endMs - RECENT_WINDOW_MS;
  if (anchorsMs.length === 0 || widthMs(bounds) <= 2 * RECENT_WINDOW_MS) return fitStory(bounds);
  let recent = 0;
  for (const anchorMs of anchorsMs) if (anchorMs >= recentStartMs) recent++;
  return recent / anchorsMs.length >= RECENT_SHARE_FOR_FOCUS ? focusBefore(bounds.endMs, RECENT_WINDOW_MS, bounds) : fitStory(bounds);
}

/** The window of the same width that shows `positionMs` at `FOLLOW_POSITION_FRACTION` of its width (or as near as the limits allow). */
export function revealPosition(viewport: Viewport, positionMs: number, bounds: StoryBounds): Viewport {
  const startMs = positionMs - widthMs(viewport) * FOLLOW_POSITION_FRACTION;
  return clampViewport({ startMs, endMs: startMs + widthMs(viewport) }, bounds);
}

export function isInView(viewport: Viewport, ms: number): boolean {
  return ms >= viewport.startMs && ms <= viewport.endMs;
}

/**
 * Keeps a followed playhead in view. The timeline follows the playhead while the playhead's previous position is in
 * the window (`previousMs` null: the timeline has just opened, and follows). When a followed playhead is no longer in
 * the window — it played past the right edge, or a seek, a step or a looping room's restart took it any distance
 * left or right — the window moves, same width, to show it at `FOLLOW_POSITION_FRACTION`. An analyst who moved the
 * window away from the playhead keeps their window: it was not in view, so the window stays put (until the playhead
 * comes back into it, or they ask for it with `revealPosition`). Otherwise the same viewport object is returned.
 */
export function followPlayhead(viewport: Viewport, previousMs: number | null, currentMs: number, bounds: StoryBounds): Viewport {
  const followed = previousMs === null || isInView(viewport, previousMs);
  if (!followed || isInView(viewport, currentMs)) return viewport;
  return revealPosition(viewport, currentMs, bounds);
}

/** Screen x (px from the left of a plot `widthPx` wide) of an axis instant. */
export function pxAt(viewport: Viewport, ms: number, widthPx: number): number {
  return ((ms - viewport.startMs) * widthPx) / widthMs(viewport);
}

/** Axis instant under screen x. */
export function msAt(viewport: Viewport, px: number, widthPx: number): number {
  return viewport.startMs + (px * widthMs(viewport)) / widthPx;
}

/** Dragging with one pointer from `fromPx` to `toPx`: the instant grabbed stays under the pointer. */
export function dragViewport(from: Viewport, widthPx: number, fromPx: number, toPx: number, bounds: StoryBounds): Viewport {
  return pan(from, ((fromPx - toPx) * widthMs(from)) / widthPx, bounds);
}

/**
 * Pinching with two pointers: the instants under the two pointers at the start stay under them (zoom and pan
 * together). When the width hits a limit, the instant between the pointers stays between them.
 */
export function pinchViewport(
  from: Viewport,
  widthPx: number,
  fromPx: readonly [number, number],
  toPx: readonly [number, number],
  bounds: StoryBounds,
): Viewport {
  const fromGapPx = Math.abs(fromPx[1] - fromPx[0]);
  const toGapPx = Math.abs(toPx[1] - toPx[0]);
  const fromMidPx = (fromPx[0] + fromPx[1]) / 2;
  const toMidPx = (toPx[0] + toPx[1]) / 2;
  const midMs = msAt(from, fromMidPx, widthPx);
  const zoomFactor = fromGapPx > 0 && toGapPx > 0 ? toGapPx / fromGapPx : 1;
  const width = clampWidthMs(widthMs(from) / zoomFactor, bounds);
  const startMs = midMs - (toMidPx * width) / widthPx;
  return clampViewport({ startMs, endMs: startMs + width }, bounds);
}
