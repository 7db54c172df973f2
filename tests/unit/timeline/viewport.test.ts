import { describe, expect, it } from 'vitest';
import {
  MIN_VIEWPORT_WIDTH_MS,
  centreOn,
  clampViewport,
  defaultViewport,
  dragViewport,
  fitStory,
  focusBefore,
  followPlayhead,
  isInView,
  msAt,
  pan,
  pinchViewport,
  pxAt,
  revealPosition,
  storyMarginMs,
  zoomAt,
  type StoryBounds,
  type Viewport,
} from '@/lib/timeline/viewport';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (year: number, month1: number, day: number, hour = 0) => Date.UTC(year, month1 - 1, day, hour);
const view = (startMs: number, endMs: number): Viewport => ({ startMs, endMs });

/** 100 days from 1 Jan 2025: margin max(1 day, 2% of 100 days = 2 days) = 2 days, so the limits are 30 Dec .. 13 Apr. */
const B100: StoryBounds = view(utc(2025, 1, 1), utc(2025, 1, 1) + 100 * DAY);
const LIMITS_100 = view(utc(2024, 12, 30), utc(2025, 1, 1) + 102 * DAY);
/** 10 days: the margin is the one-day minimum. */
const B10: StoryBounds = view(utc(2025, 4, 1), utc(2025, 4, 11));
/** The first story's span: 1 Jan 2018 to the end of 25 Apr 2025. */
const STORY: StoryBounds = view(utc(2018, 1, 1), utc(2025, 4, 26));

describe('margins and fitting', () => {
  it.each<[string, StoryBounds, number]>([
    ['2% of a long story', B100, 2 * DAY],
    ['at least one day', B10, DAY],
    ['2% of 2671 days', STORY, 0.02 * (STORY.endMs - STORY.startMs)],
  ])('storyMarginMs: %s', (_name, bounds, expected) => {
    expect(storyMarginMs(bounds)).toBe(expected);
  });

  it('fitStory is the story plus its margins', () => {
    expect(fitStory(B100)).toEqual(LIMITS_100);
    expect(fitStory(B10)).toEqual(view(utc(2025, 3, 31), utc(2025, 4, 12)));
  });
});

describe('clampViewport', () => {
  it.each<[string, Viewport, Viewport]>([
    ['inside: unchanged', view(utc(2025, 2, 1), utc(2025, 2, 8)), view(utc(2025, 2, 1), utc(2025, 2, 8))],
    ['too early: shifted to the left limit', view(utc(2024, 12, 1), utc(2024, 12, 11)), view(utc(2024, 12, 30), utc(2025, 1, 9))],
    ['too late: shifted to the right limit', view(utc(2025, 4, 20), utc(2025, 4, 30)), view(LIMITS_100.endMs - 10 * DAY, LIMITS_100.endMs)],
    ['too narrow: widened to an hour around its centre', view(utc(2025, 2, 1, 12), utc(2025, 2, 1, 12) + 10 * 60_000), view(utc(2025, 2, 1, 12) + 5 * 60_000 - HOUR / 2, utc(2025, 2, 1, 12) + 5 * 60_000 + HOUR / 2)],
    ['too wide: the whole story with margins', view(utc(2020, 1, 1), utc(2030, 1, 1)), LIMITS_100],
  ])('%s', (_name, input, expected) => {
    expect(clampViewport(input, B100)).toEqual(expected);
  });
});

describe('zoomAt', () => {
  const week = view(utc(2025, 2, 1), utc(2025, 2, 8));
  it.each<[string, Viewport, number, number, Viewport]>([
    ['zoom in x2 around the start keeps the start', week, 2, week.startMs, view(utc(2025, 2, 1), utc(2025, 2, 4, 12))],
    ['zoom in x2 around the end keeps the end', week, 2, week.endMs, view(utc(2025, 2, 4, 12), utc(2025, 2, 8))],
    ['zoom in x7 around a quarter keeps it at a quarter', week, 7, utc(2025, 2, 2, 18), view(utc(2025, 2, 2, 12), utc(2025, 2, 3, 12))],
    ['zoom out x2 around the centre', week, 0.5, utc(2025, 2, 4, 12), view(utc(2025, 1, 28, 12), utc(2025, 2, 11, 12))],
    ['cannot zoom in past one hour', view(utc(2025, 2, 1), utc(2025, 2, 1, 2)), 10, utc(2025, 2, 1), view(utc(2025, 2, 1), utc(2025, 2, 1, 1))],
    ['cannot zoom out past the whole story', week, 0.001, utc(2025, 2, 4, 12), LIMITS_100],
    ['zoom out near the edge is shifted inside', view(utc(2024, 12, 30), utc(2025, 1, 6)), 0.5, utc(2024, 12, 30), view(utc(2024, 12, 30), utc(2025, 1, 13))],
  ])('%s', (_name, viewport, factor, anchor, expected) => {
    expect(zoomAt(viewport, factor, anchor, B100)).toEqual(expected);
  });
});

describe('pan, centreOn and focusBefore', () => {
  const week = view(utc(2025, 2, 1), utc(2025, 2, 8));
  it.each<[string, Viewport, Viewport]>([
    ['a day later', pan(week, DAY, B100), view(utc(2025, 2, 2), utc(2025, 2, 9))],
    ['a day earlier', pan(week, -DAY, B100), view(utc(2025, 1, 31), utc(2025, 2, 7))],
    ['stops at the left limit', pan(week, -100 * DAY, B100), view(utc(2024, 12, 30), utc(2025, 1, 6))],
    ['stops at the right limit', pan(week, 100 * DAY, B100), view(LIMITS_100.endMs - 7 * DAY, LIMITS_100.endMs)],
    ['centred on 1 Mar', centreOn(week, utc(2025, 3, 1), B100), view(utc(2025, 2, 25, 12), utc(2025, 3, 4, 12))],
    ['the week before 1 Mar, with 10% after it', focusBefore(utc(2025, 3, 1), 7 * DAY, B100), view(utc(2025, 2, 22), utc(2025, 3, 1) + 0.7 * DAY)],
    ['the week before the start is pushed inside', focusBefore(utc(2025, 1, 1), 7 * DAY, B100), view(utc(2024, 12, 30), utc(2025, 1, 6, 16) + 48 * 60_000)],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('defaultViewport', () => {
  const recent = [utc(2025, 4, 4), utc(2025, 4, 14), utc(2025, 4, 21), utc(2025, 4, 25)];
  it.each<[string, StoryBounds, number[], Viewport]>([
    ['most events in the last 4 weeks: those 4 weeks', STORY, [utc(2018, 1, 1), utc(2022, 1, 1), ...recent], view(utc(2025, 3, 29), utc(2025, 4, 26) + 2.8 * DAY)],
    ['exactly half recent: still focused', STORY, [utc(2018, 1, 1), utc(2022, 1, 1), utc(2022, 9, 1), ...recent.slice(1)], view(utc(2025, 3, 29), utc(2025, 4, 26) + 2.8 * DAY)],
    ['most events early: the whole story', STORY, [utc(2018, 1, 1), utc(2020, 1, 1), utc(2022, 1, 1), utc(2025, 4, 25)], fitStory(STORY)],
    ['a short story: the whole story', B10, [utc(2025, 4, 10)], fitStory(B10)],
    ['no events: the whole story', STORY, [], fitStory(STORY)],
  ])('%s', (_name, bounds, anchors, expected) => {
    expect(defaultViewport(bounds, anchors)).toEqual(expected);
  });
});

describe('followPlayhead: a followed playhead stays in view wherever it goes', () => {
  const week = view(utc(2025, 2, 1), utc(2025, 2, 8));
  /** The window of the same width with `ms` at 80% of it. */
  const at80 = (ms: number) => view(ms - 5.6 * DAY, ms + 1.4 * DAY);
  it.each<[string, number | null, number, Viewport]>([
    ['inside and staying inside: unchanged', utc(2025, 2, 5), utc(2025, 2, 6), week],
    ['plays past the right edge: moved to put it at 80%', utc(2025, 2, 7), utc(2025, 2, 8, 12), at80(utc(2025, 2, 8, 12))],
    ['jumps a little left (a step back): moved', utc(2025, 2, 5), utc(2025, 1, 30), at80(utc(2025, 1, 30))],
    ['jumps far right (a seek): moved', utc(2025, 2, 5), utc(2025, 3, 20), at80(utc(2025, 3, 20))],
    ['jumps far left, to the first event (a loop restarts): moved, stopped at the left limit', utc(2025, 2, 5), utc(2025, 1, 1), view(utc(2024, 12, 30), utc(2025, 1, 6))],
    ['jumps to the story’s end: moved, the end at 80% (inside the margin)', utc(2025, 2, 5), B100.endMs, at80(B100.endMs)],
    ['the timeline has just opened (no previous position) and it is outside: moved', null, utc(2025, 3, 20), at80(utc(2025, 3, 20))],
    ['the timeline has just opened and it is inside: unchanged', null, utc(2025, 2, 3), week],
    ['analyst moved the window away (was outside, before): kept', utc(2025, 1, 20), utc(2025, 2, 9), week],
    ['analyst moved the window away (was outside, after), then a far seek: kept', utc(2025, 3, 1), utc(2025, 1, 2), week],
    ['was outside and comes into the window: unchanged, and followed from now on', utc(2025, 1, 31), utc(2025, 2, 2), week],
  ])('%s', (_name, previous, current, expected) => {
    const result = followPlayhead(week, previous, current, B100);
    expect(result).toEqual(expected);
    if (expected === week) expect(result).toBe(week);
    // Whenever the window moved, the playhead is in it.
    if (result !== week) expect(isInView(result, current)).toBe(true);
  });

  it('"Show the playhead" (revealPosition) brings the window back to it, after which it is followed again', () => {
    const away = view(utc(2025, 3, 1), utc(2025, 3, 8));
    const back = revealPosition(away, utc(2025, 2, 5), B100);
    expect(back).toEqual(at80(utc(2025, 2, 5)));
    expect(followPlayhead(back, utc(2025, 2, 5), utc(2025, 3, 25), B100)).toEqual(at80(utc(2025, 3, 25)));
  });
});

describe('screen conversions, drag and pinch (a plot 1000 px wide showing 10 days: 100 px a day)', () => {
  const tenDays = view(utc(2025, 2, 1), utc(2025, 2, 11));
  it.each<[string, number, number]>([
    ['start', utc(2025, 2, 1), 0],
    ['day 3 at noon', utc(2025, 2, 4, 12), 350],
    ['end', utc(2025, 2, 11), 1000],
  ])('pxAt / msAt: %s', (_name, ms, px) => {
    expect(pxAt(tenDays, ms, 1000)).toBe(px);
    expect(msAt(tenDays, px, 1000)).toBe(ms);
  });

  it.each<[string, Viewport, Viewport]>([
    ['dragging 200 px right shows two days earlier', dragViewport(tenDays, 1000, 500, 700, B100), view(utc(2025, 1, 30), utc(2025, 2, 9))],
    ['dragging 100 px left shows one day later', dragViewport(tenDays, 1000, 500, 400, B100), view(utc(2025, 2, 2), utc(2025, 2, 12))],
    ['spreading two pointers from 400-600 to 300-700 zooms in x2 around 500', pinchViewport(tenDays, 1000, [400, 600], [300, 700], B100), view(utc(2025, 2, 3, 12), utc(2025, 2, 8, 12))],
    ['moving both pointers 100 px left pans a day later', pinchViewport(tenDays, 1000, [400, 600], [300, 500], B100), view(utc(2025, 2, 2), utc(2025, 2, 12))],
    ['pinching in x2 around 0 keeps the start', pinchViewport(tenDays, 1000, [0, 400], [0, 200], B100), view(utc(2025, 2, 1), utc(2025, 2, 21))],
    ['pointers on the same spot: a pan only', pinchViewport(tenDays, 1000, [500, 500], [600, 600], B100), view(utc(2025, 1, 31), utc(2025, 2, 10))],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('a pinch past the narrowest width stops at one hour, the point between the pointers staying between them', () => {
    const day = view(utc(2025, 2, 1), utc(2025, 2, 2));
    // 12:00 is under x = 500; spreading 1000x would make the window 1.44 minutes wide.
    expect(pinchViewport(day, 1000, [499, 501], [0, 1000], B100)).toEqual(view(utc(2025, 2, 1, 12) - MIN_VIEWPORT_WIDTH_MS / 2, utc(2025, 2, 1, 12) + MIN_VIEWPORT_WIDTH_MS / 2));
  });
});
