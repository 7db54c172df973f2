import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';
import { buildSchedule } from '@/lib/replay/schedule';
import type { StreamChange } from '@/lib/replay/streamReducer';
import { countAmongFirst, filterStory } from '@/lib/screen/filteredStory';
import { detachTarget, displayPositionMs, firstOf, screenView, type ScreenInputs } from '@/lib/screen/screenView';
import { initialViewerState, type ViewerState } from '@/lib/screen/viewerState';
import { A, makeEvent, point } from '../replay/fixtures';

/**
 * A five-event story: two strikes by Russia, a statement by Ukraine, a strike by Ukraine, a meeting of both.
 * Story order is release order: s1 (7 Apr), st2 (8 Apr), s3 (10 Apr), s4 (14 Apr), m5 (18 Apr).
 */
const withKind = (id: string, date: string, type: StoryEvent['type'], actors: string[]): StoryEvent => ({
  ...makeEvent(id, point(date, 'day')),
  type,
  actors: actors.map((name) => ({ name, role: 'actor' })) as StoryEvent['actors'],
});
const EVENTS = [
  withKind('s1', '2025-04-07', 'strike', ['Russia']),
  withKind('st2', '2025-04-08', 'statement', ['Ukraine']),
  withKind('s3', '2025-04-10', 'strike', ['Russia']),
  withKind('s4', '2025-04-14', 'strike', ['Ukraine']),
  withKind('m5', '2025-04-18', 'meeting', ['Russia', 'Ukraine']),
];
const SCHEDULE = buildSchedule(EVENTS);
const STORY = { events: SCHEDULE.events, anchorsMs: SCHEDULE.anchorsMs };
const ids = (events: readonly StoryEvent[]) => events.map((e) => e.id);

const STRIKES = { types: ['strike' as const], actors: [] };
const UKRAINE = { types: [], actors: ['Ukraine'] };
const SHOWN: Presentation = { ...INITIAL_PRESENTATION, eventId: 's3', chart: 'reported-deaths', filter: STRIKES, blank: false };

const FREE = initialViewerState(false);
const FOLLOW = initialViewerState(true);
const free = (patch: Partial<ViewerState>): ViewerState => ({ ...FREE, ...patch });
const detachedAt = (positionMs: number): ViewerState => free({ view: { mode: 'detached', positionMs } });
const replay = (released: number, presentation: Presentation = INITIAL_PRESENTATION, change: StreamChange = 'event') => ({ released, presentation, change });

type Expected = {
  ready: boolean;
  following: boolean;
  released: number;
  visible: number;
  filteredIds: string[];
  visibleFilteredIds: string[];
  selected: string | null;
  blanked: boolean;
};

const CASES: [name: string, inputs: ScreenInputs, expected: Expected][] = [
  ['nothing known yet', { story: undefined, replay: null, viewer: FREE }, { ready: false, following: false, released: 0, visible: 0, filteredIds: [], visibleFilteredIds: [], selected: null, blanked: false }],
  ['the room known, the story still loading', { story: undefined, replay: replay(3), viewer: FREE }, { ready: false, following: false, released: 0, visible: 0, filteredIds: [], visibleFilteredIds: [], selected: null, blanked: false }],
  ['the story known, the room not yet', { story: STORY, replay: null, viewer: FREE }, { ready: false, following: false, released: 0, visible: 0, filteredIds: ids(EVENTS), visibleFilteredIds: [], selected: null, blanked: false }],
  ['live, three released, no filter', { story: STORY, replay: replay(3), viewer: FREE }, { ready: true, following: false, released: 3, visible: 3, filteredIds: ids(EVENTS), visibleFilteredIds: ['s1', 'st2', 's3'], selected: null, blanked: false }],
  ['live, everything released', { story: STORY, replay: replay(5), viewer: FREE }, { ready: true, following: false, released: 5, visible: 5, filteredIds: ids(EVENTS), visibleFilteredIds: ids(EVENTS), selected: null, blanked: false }],
  ['a released count past the story is the whole story', { story: STORY, replay: replay(9), viewer: FREE }, { ready: true, following: false, released: 5, visible: 5, filteredIds: ids(EVENTS), visibleFilteredIds: ids(EVENTS), selected: null, blanked: false }],
  ['live, strikes only', { story: STORY, replay: replay(4), viewer: free({ own: { selectedEventId: null, filter: STRIKES, chart: null } }) }, { ready: true, following: false, released: 4, visible: 4, filteredIds: ['s1', 's3', 's4'], visibleFilteredIds: ['s1', 's3', 's4'], selected: null, blanked: false }],
  ['live, Ukraine only, two released', { story: STORY, replay: replay(2), viewer: free({ own: { selectedEventId: 'st2', filter: UKRAINE, chart: null } }) }, { ready: true, following: false, released: 2, visible: 2, filteredIds: ['st2', 's4', 'm5'], visibleFilteredIds: ['st2'], selected: 'st2', blanked: false }],
  ['detached on an event: that event is visible', { story: STORY, replay: replay(5), viewer: detachedAt(A.envoy) }, { ready: true, following: false, released: 5, visible: 3, filteredIds: ids(EVENTS), visibleFilteredIds: ['s1', 'st2', 's3'], selected: null, blanked: false }],
  ['detached just before an event: it is not', { story: STORY, replay: replay(5), viewer: detachedAt(A.envoy - 1) }, { ready: true, following: false, released: 5, visible: 2, filteredIds: ids(EVENTS), visibleFilteredIds: ['s1', 'st2'], selected: null, blanked: false }],
  ['detached before the story', { story: STORY, replay: replay(5), viewer: detachedAt(A.clash - 1) }, { ready: true, following: false, released: 5, visible: 0, filteredIds: ids(EVENTS), visibleFilteredIds: [], selected: null, blanked: false }],
  ['detached ahead of what the room released shows only the released', { story: STORY, replay: replay(2), viewer: detachedAt(A.final) }, { ready: true, following: false, released: 2, visible: 2, filteredIds: ids(EVENTS), visibleFilteredIds: ['s1', 'st2'], selected: null, blanked: false }],
  ['detached and filtered', { story: STORY, replay: replay(5), viewer: free({ view: { mode: 'detached', positionMs: A.talks }, own: { selectedEventId: null, filter: UKRAINE, chart: null } }) }, { ready: true, following: false, released: 5, visible: 4, filteredIds: ['st2', 's4', 'm5'], visibleFilteredIds: ['st2', 's4'], selected: null, blanked: false }],
  ['following shows the presentation: its filter and event', { story: STORY, replay: replay(5, SHOWN), viewer: FOLLOW }, { ready: true, following: true, released: 5, visible: 5, filteredIds: ['s1', 's3', 's4'], visibleFilteredIds: ['s1', 's3', 's4'], selected: 's3', blanked: false }],
  ['following ignores the own position and choices', { story: STORY, replay: replay(3, SHOWN), viewer: { ...FOLLOW, view: { mode: 'detached', positionMs: A.clash }, own: { selectedEventId: 'm5', filter: UKRAINE, chart: 'activity-by-actor' } } }, { ready: true, following: true, released: 3, visible: 3, filteredIds: ['s1', 's3', 's4'], visibleFilteredIds: ['s1', 's3'], selected: 's3', blanked: false }],
  ['following a blank screen is blanked', { story: STORY, replay: replay(3, { ...SHOWN, blank: true }), viewer: FOLLOW }, { ready: true, following: true, released: 3, visible: 3, filteredIds: ['s1', 's3', 's4'], visibleFilteredIds: ['s1', 's3'], selected: 's3', blanked: true }],
  ['a free screen is never blanked', { story: STORY, replay: replay(3, { ...SHOWN, blank: true }), viewer: FREE }, { ready: true, following: false, released: 3, visible: 3, filteredIds: ids(EVENTS), visibleFilteredIds: ['s1', 'st2', 's3'], selected: null, blanked: false }],
  ['following before the presentation is known shows nothing in particular', { story: STORY, replay: null, viewer: FOLLOW }, { ready: false, following: true, released: 0, visible: 0, filteredIds: ids(EVENTS), visibleFilteredIds: [], selected: null, blanked: false }],
];

describe('screenView', () => {
  it.each(CASES)('%s', (_name, inputs, expected) => {
    const view = screenView(inputs);
    expect({
      ready: view.ready,
      following: view.following,
      released: view.releasedCount,
      visible: view.visibleCount,
      filteredIds: ids(view.filtered.events),
      visibleFilteredIds: ids(firstOf(view.filtered.events, view.filteredCount)),
      selected: view.shown.selectedEventId,
      blanked: view.blanked,
    }).toEqual(expected);
    if (view.following) expect(view.view).toEqual({ mode: 'live' });
  });

  it('passes on what moved the room last, so that a screen tells a release from a jump', () => {
    expect(screenView({ story: STORY, replay: replay(2, INITIAL_PRESENTATION, 'jump'), viewer: FREE }).change).toBe('jump');
    expect(screenView({ story: STORY, replay: replay(3, INITIAL_PRESENTATION, 'event'), viewer: FREE }).change).toBe('event');
    expect(screenView({ story: STORY, replay: null, viewer: FREE }).change).toBeNull();
  });

  it('builds the filtered story once per story and filter: a release reuses it', () => {
    const viewer = free({ own: { selectedEventId: null, filter: STRIKES, chart: null } });
    const before = screenView({ story: STORY, replay: replay(2), viewer });
    const after = screenView({ story: STORY, replay: replay(3), viewer: { ...viewer, own: { ...viewer.own, filter: { types: ['strike'], actors: [] } } } });
    expect(after.filtered).toBe(before.filtered);
    expect(screenView({ story: STORY, replay: replay(3), viewer: FREE }).filtered.events).toBe(STORY.events);
  });
});

describe('countAmongFirst', () => {
  const russia = filterStory(EVENTS, { types: [], actors: ['Russia'] });
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [50, 3],
  ])('among the first %d story events, %d pass', (storyCount, expected) => {
    expect(ids(russia.events)).toEqual(['s1', 's3', 'm5']);
    expect(countAmongFirst(russia, storyCount)).toBe(expected);
  });

  it('agrees with filtering the prefix, for every prefix and filter (exhaustive on the fixture)', () => {
    const filters = [{ types: [], actors: [] }, STRIKES, UKRAINE, { types: ['meeting' as const, 'statement' as const], actors: [] }, { types: ['strike' as const], actors: ['Ukraine'] }];
    for (const filter of filters) {
      const filtered = filterStory(EVENTS, filter);
      for (let n = 0; n <= EVENTS.length; n++) {
        const direct = EVENTS.slice(0, n).filter((e) => filtered.events.includes(e));
        expect(firstOf(filtered.events, countAmongFirst(filtered, n)), `${JSON.stringify(filter)} n=${n}`).toEqual(direct);
      }
    }
  });
});

describe('positions', () => {
  it.each<[string, Parameters<typeof displayPositionMs>[0], number | null, number | null]>([
    ['live: the room playhead', { mode: 'live' }, A.envoy, A.envoy],
    ['live before the room is known', { mode: 'live' }, null, null],
    ['detached: its own position', { mode: 'detached', positionMs: A.clash }, A.final, A.clash],
  ])('%s', (_name, view, playhead, expected) => {
    expect(displayPositionMs(view, playhead)).toBe(expected);
  });

  it.each([
    ['inside, behind the room', A.envoy, A.final, A.envoy],
    ['ahead of the room: at the room', A.final, A.envoy, A.envoy],
    ['before the story: at its start', A.clash - 10, A.final, A.clash],
    ['after the story: at its end, or the room', A.end + 10, A.end, A.end],
  ])('a viewer moving %s', (_name, target, playhead, expected) => {
    expect(detachTarget(target, { startMs: A.clash, endMs: A.end }, playhead)).toBe(expected);
  });
});
