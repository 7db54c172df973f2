import { describe, expect, it } from 'vitest';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';
import {
  applyViewerAction,
  initialViewerState,
  sameApartFromWindow,
  shownChoices,
  storyKeyOf,
  windowOfStory,
  type StoryWindow,
  type ViewerAction,
  type ViewerState,
} from '@/lib/screen/viewerState';

const STRIKES = { types: ['strike' as const], actors: [] };
const UKRAINE = { types: [], actors: ['Ukraine'] };
const SHOWN: Presentation = { ...INITIAL_PRESENTATION, eventId: 'e7', chart: 'reported-deaths', filter: STRIKES };
const FREE = initialViewerState(false);
const FOLLOW = initialViewerState(true);
const MINE = { selectedEventId: 'e2', filter: UKRAINE, chart: 'activity-by-actor' as const };
const OWN: ViewerState = { ...FREE, own: MINE };
const DETACHED: ViewerState = { ...OWN, view: { mode: 'detached', positionMs: 500 } };
/** What a follower takes along when it goes free: the presenter's choices. */
const FROM_PRESENTER = { selectedEventId: 'e7', filter: STRIKES, chart: 'reported-deaths' as const };
const STORY = storyKeyOf('s1', 'v1');
const APRIL: StoryWindow = { startMs: 1_000, endMs: 2_000, story: STORY };
const IN_APRIL: ViewerState = { ...FOLLOW, window: APRIL };

type Case = [name: string, state: ViewerState, action: ViewerAction, presentation: Presentation | null, expected: ViewerState | 'same'];

const CASES: Case[] = [
  // time
  ['a free viewer detaches', OWN, { type: 'detach', positionMs: 100 }, SHOWN, { ...OWN, view: { mode: 'detached', positionMs: 100 } }],
  ['a follower who detaches goes free with the presenter choices', FOLLOW, { type: 'detach', positionMs: 100 }, SHOWN, { ...FOLLOW, mode: 'free', view: { mode: 'detached', positionMs: 100 }, own: FROM_PRESENTER }],
  ['a follower who detaches before any presentation takes the initial one', FOLLOW, { type: 'detach', positionMs: 100 }, null, { ...FOLLOW, mode: 'free', view: { mode: 'detached', positionMs: 100 }, own: { selectedEventId: null, filter: INITIAL_PRESENTATION.filter, chart: INITIAL_PRESENTATION.chart } }],
  ['back to live from a position', DETACHED, { type: 'back-to-live' }, SHOWN, { ...DETACHED, view: { mode: 'live' } }],
  ['back to live when live changes nothing', OWN, { type: 'back-to-live' }, SHOWN, 'same'],
  ['following again goes back to the room time', DETACHED, { type: 'follow-presenter' }, SHOWN, { ...DETACHED, mode: 'follow', view: { mode: 'live' } }],
  // choices
  ['a free viewer selects an event', OWN, { type: 'select-event', eventId: 'e9' }, SHOWN, { ...OWN, own: { ...MINE, selectedEventId: 'e9' } }],
  ['a free viewer closes the event', OWN, { type: 'select-event', eventId: null }, SHOWN, { ...OWN, own: { ...MINE, selectedEventId: null } }],
  ['a follower who selects an event goes free, keeping the presenter filter and chart', FOLLOW, { type: 'select-event', eventId: 'e9' }, SHOWN, { ...FOLLOW, mode: 'free', own: { ...FROM_PRESENTER, selectedEventId: 'e9' } }],
  ['a free viewer filters', OWN, { type: 'set-filter', filter: STRIKES }, SHOWN, { ...OWN, own: { ...MINE, filter: STRIKES } }],
  ['a follower who filters goes free, keeping the presenter event', FOLLOW, { type: 'set-filter', filter: UKRAINE }, SHOWN, { ...FOLLOW, mode: 'free', own: { ...FROM_PRESENTER, filter: UKRAINE } }],
  ['a free viewer picks a chart', OWN, { type: 'select-chart', chart: 'events-per-day' }, SHOWN, { ...OWN, own: { ...MINE, chart: 'events-per-day' } }],
  ['a follower who picks a chart goes free', FOLLOW, { type: 'select-chart', chart: 'events-per-day' }, SHOWN, { ...FOLLOW, mode: 'free', own: { ...FROM_PRESENTER, chart: 'events-per-day' } }],
  // links and scrubbing
  ['a link with a time detaches there and opens its event', OWN, { type: 'open-link', positionMs: 42, eventId: 'e3' }, SHOWN, { ...OWN, view: { mode: 'detached', positionMs: 42 }, own: { ...MINE, selectedEventId: 'e3' } }],
  ['a link without a time keeps the position', DETACHED, { type: 'open-link', positionMs: null, eventId: null }, SHOWN, { ...DETACHED, own: { ...MINE, selectedEventId: null } }],
  ['scrubbing starts', OWN, { type: 'scrub', scrubbing: true }, SHOWN, { ...OWN, scrubbing: true }],
  ['scrubbing that has not started does not stop', OWN, { type: 'scrub', scrubbing: false }, SHOWN, 'same'],
  // the time window (the timeline's, shared with the charts): the viewer's own, a follower keeps following
  ['the timeline opens its window', FOLLOW, { type: 'set-window', window: APRIL }, SHOWN, IN_APRIL],
  ['a pan moves the window, the follower still follows', IN_APRIL, { type: 'set-window', window: { ...APRIL, startMs: 1_500, endMs: 2_500 } }, SHOWN, { ...IN_APRIL, window: { ...APRIL, startMs: 1_500, endMs: 2_500 } }],
  ['an equal window changes nothing', IN_APRIL, { type: 'set-window', window: { ...APRIL } }, SHOWN, 'same'],
  ['the same stretch of another story is another window', IN_APRIL, { type: 'set-window', window: { ...APRIL, story: storyKeyOf('s1', 'v2') } }, SHOWN, { ...IN_APRIL, window: { ...APRIL, story: storyKeyOf('s1', 'v2') } }],
  ['other actions keep the window', IN_APRIL, { type: 'detach', positionMs: 100 }, SHOWN, { ...IN_APRIL, mode: 'free', view: { mode: 'detached', positionMs: 100 }, own: FROM_PRESENTER }],
];

describe('applyViewerAction', () => {
  it.each(CASES)('%s', (_name, state, action, presentation, expected) => {
    const before = structuredClone(state);
    const next = applyViewerAction(state, action, presentation);
    if (expected === 'same') expect(next).toBe(state);
    else expect(next).toEqual(expected);
    expect(state).toEqual(before);
  });
});

describe('shownChoices', () => {
  it.each<[string, ViewerState, Presentation | null, ReturnType<typeof shownChoices>]>([
    ['free: its own', OWN, SHOWN, MINE],
    ['following: the presentation', { ...FOLLOW, own: MINE }, SHOWN, FROM_PRESENTER],
    ['following before the presentation: nothing in particular', FOLLOW, null, { selectedEventId: null, filter: { types: [], actors: [] }, chart: null }],
  ])('%s', (_name, state, presentation, expected) => {
    expect(shownChoices(state, presentation)).toEqual(expected);
  });

  it('starts a dashboard free and an audience screen following, both live', () => {
    expect(initialViewerState(false)).toMatchObject({ mode: 'free', view: { mode: 'live' }, scrubbing: false });
    expect(initialViewerState(true, { chart: 'reported-deaths' })).toMatchObject({ mode: 'follow', own: { chart: 'reported-deaths', selectedEventId: null } });
  });
});

describe('the window', () => {
  it('belongs to its story: a window of another story, or of another version, is none', () => {
    expect(windowOfStory(IN_APRIL, STORY)).toBe(APRIL);
    expect(windowOfStory(IN_APRIL, storyKeyOf('s1', 'v2'))).toBeNull();
    expect(windowOfStory(FOLLOW, STORY)).toBeNull();
  });

  it('is the only part of the state a derivation of the screen may ignore', () => {
    const moved = applyViewerAction(IN_APRIL, { type: 'set-window', window: { ...APRIL, endMs: 3_000 } }, SHOWN);
    expect(sameApartFromWindow(IN_APRIL, moved)).toBe(true);
    let changed = 0;
    for (const action of CASES.map(([, , a]) => a).filter((a) => a.type !== 'set-window')) {
      const next = applyViewerAction(IN_APRIL, action, SHOWN);
      // Said the same apart from the window only when it is: the derivation may then keep what it made.
      if (sameApartFromWindow(IN_APRIL, next)) expect({ ...next, window: null }, action.type).toEqual({ ...IN_APRIL, window: null });
      else changed += 1;
    }
    expect(changed).toBeGreaterThan(5);
  });
});
