import { describe, expect, it } from 'vitest';
import { activityByActor } from '@/lib/charts/activityByActor';
import { LOWER_BOUND_NOTE, activityByActorCaption, eventsPerBinCaption, reportedDeathsCaption, strikesVsDiplomacyCaption, type ChartCaption } from '@/lib/charts/captions';
import { eventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeaths } from '@/lib/charts/reportedDeaths';
import { strikesVsDiplomacy } from '@/lib/charts/strikesVsDiplomacy';
import type { StoryEvent } from '@/lib/events/schema';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { SMALL_STORY, SMALL_STORY_DOMAIN, SMALL_STORY_END_MS, at, byDay, domain, makeEvent, releasedAt, reported, utc } from './chartFixtures';

type CaptionOf = (events: readonly StoryEvent[], chartDomain: ChartDomain) => ChartCaption;
const CAPTIONS: Record<string, CaptionOf> = {
  'events-per-day': (events, chartDomain) => eventsPerBinCaption(eventsPerBin(events, chartDomain)),
  'reported-deaths': (events, chartDomain) => reportedDeathsCaption(reportedDeaths(events, chartDomain)),
  'strikes-vs-diplomacy': (events, chartDomain) => strikesVsDiplomacyCaption(strikesVsDiplomacy(events, chartDomain)),
  'activity-by-actor': (events) => activityByActorCaption(activityByActor(events)),
};
const APRIL = domain('2025-04-01', '2025-04-30');

describe('captions on a small story', () => {
  it.each<[string, number, ChartCaption]>([
    ['events-per-day', SMALL_STORY_END_MS, { title: 'Events per month, by type', notes: ['6 events with approximate dates are not shown by month'], emptyMessage: null }],
    ['events-per-day', utc('2025-03-31'), { title: 'Events per month, by type', notes: ['2 events with approximate dates are not shown by month'], emptyMessage: 'No events dated to a day released yet' }],
    [
      'reported-deaths',
      SMALL_STORY_END_MS,
      {
        title: 'Reported deaths over time, cumulative',
        notes: [
          'At least 12 deaths reported in 3 strikes',
          '1 strike with toll not reported: marked on the time axis, not counted',
          LOWER_BOUND_NOTE,
          'Strikes with approximate dates stand at their release date',
        ],
        emptyMessage: null,
      },
    ],
    [
      'reported-deaths',
      utc('2025-04-12'),
      {
        title: 'Reported deaths over time, cumulative',
        notes: ['At least 9 deaths reported in 1 strike', LOWER_BOUND_NOTE],
        emptyMessage: null,
      },
    ],
    ['reported-deaths', utc('2025-04-03'), { title: 'Reported deaths over time, cumulative', notes: [], emptyMessage: 'No strikes released yet' }],
    [
      'strikes-vs-diplomacy',
      SMALL_STORY_END_MS,
      { title: 'Strikes against diplomacy, per month', notes: ['2 strikes and 2 meetings or proposals with approximate dates are not shown by month'], emptyMessage: null },
    ],
    ['activity-by-actor', SMALL_STORY_END_MS, { title: 'Activity by actor', notes: ['All 5 actors, in 8 events', 'An event counts once for each of its actors'], emptyMessage: null }],
    ['activity-by-actor', utc('2018-01-01'), { title: 'Activity by actor', notes: ['1 actor, in 1 event', 'An event counts once for each of its actors'], emptyMessage: null }],
  ])('%s at %d', (chart, playheadMs, caption) => {
    expect(CAPTIONS[chart]?.(releasedAt(SMALL_STORY, playheadMs), SMALL_STORY_DOMAIN)).toEqual(caption);
  });
});

const EMPTY_CAPTIONS: Record<string, (isFiltered: boolean) => ChartCaption> = {
  'events-per-day': (isFiltered) => eventsPerBinCaption(eventsPerBin([], APRIL), { isFiltered }),
  'reported-deaths': (isFiltered) => reportedDeathsCaption(reportedDeaths([], APRIL), { isFiltered }),
  'strikes-vs-diplomacy': (isFiltered) => strikesVsDiplomacyCaption(strikesVsDiplomacy([], APRIL), { isFiltered }),
  'activity-by-actor': (isFiltered) => activityByActorCaption(activityByActor([]), { isFiltered }),
};

describe('an empty chart under a filter says so', () => {
  it.each<[string, string, string]>([
    ['events-per-day', 'No events released yet', 'No events match the filter'],
    ['reported-deaths', 'No strikes released yet', 'No strikes match the filter'],
    ['strikes-vs-diplomacy', 'No strikes or diplomatic events released yet', 'No strikes or diplomatic events match the filter'],
    ['activity-by-actor', 'No events with named actors released yet', 'No events with named actors match the filter'],
  ])('%s', (chart, unfiltered, filtered) => {
    const captionOf = (isFiltered: boolean) => EMPTY_CAPTIONS[chart]?.(isFiltered);
    expect(captionOf(false)?.emptyMessage).toBe(unfiltered);
    expect(captionOf(true)?.emptyMessage).toBe(filtered);
  });

  it('says what is missing when only approximate dates match', () => {
    const week = [makeEvent('w', at('2025-03-31', 'week'), { type: 'meeting' })];
    expect(strikesVsDiplomacyCaption(strikesVsDiplomacy(week, APRIL), { isFiltered: true }).emptyMessage).toBe('No strikes or diplomatic events dated to a day match the filter');
    expect(eventsPerBinCaption(eventsPerBin(week, APRIL), { isFiltered: true }).emptyMessage).toBe('No events dated to a day match the filter');
  });
});

describe('captions on hand-made events', () => {
  const week = makeEvent('w', at('2025-03-31', 'week'), { type: 'meeting' });
  it.each<[string, StoryEvent[], ChartCaption]>([
    ['events-per-day', [], { title: 'Events per day, by type', notes: [], emptyMessage: 'No events released yet' }],
    ['events-per-day', [week, makeEvent('d', at('2025-04-02'))], { title: 'Events per day, by type', notes: ['1 event with an approximate date is not shown by day'], emptyMessage: null }],
    ['strikes-vs-diplomacy', [], { title: 'Strikes against diplomacy, per day', notes: [], emptyMessage: 'No strikes or diplomatic events released yet' }],
    [
      'strikes-vs-diplomacy',
      [week],
      { title: 'Strikes against diplomacy, per day', notes: ['1 meeting or proposal with approximate dates is not shown by day'], emptyMessage: 'No strikes or diplomatic events dated to a day yet' },
    ],
    [
      'reported-deaths',
      [makeEvent('s', byDay('2025-04-05'), { type: 'strike' })],
      {
        title: 'Reported deaths over time, cumulative',
        notes: ['No death toll reported yet for 1 strike', '1 strike with toll not reported: marked on the time axis, not counted', 'Strikes with approximate dates stand at their release date'],
        emptyMessage: null,
      },
    ],
    ['reported-deaths', [makeEvent('s', at('2025-04-05'), { type: 'strike', casualties: { killed: reported(1) } })], { title: 'Reported deaths over time, cumulative', notes: ['1 death reported in 1 strike'], emptyMessage: null }],
    ['activity-by-actor', [makeEvent('nobody', at('2025-04-05'))], { title: 'Activity by actor', notes: [], emptyMessage: 'No events with named actors released yet' }],
    [
      'events-per-day',
      [makeEvent('late', at('2025-04-20'))],
      { title: 'Events per day, by type', notes: ['1 event outside the time window is not shown'], emptyMessage: 'No events dated to a day released yet' },
    ],
    [
      'strikes-vs-diplomacy',
      [makeEvent('late', at('2025-04-20'), { type: 'strike' })],
      { title: 'Strikes against diplomacy, per day', notes: ['1 strike or diplomatic event outside the time window is not shown'], emptyMessage: 'No strikes or diplomatic events dated to a day yet' },
    ],
    [
      'reported-deaths',
      [makeEvent('late', at('2025-04-20'), { type: 'strike', casualties: { killed: reported(2) } })],
      { title: 'Reported deaths over time, cumulative', notes: ['2 deaths reported in 1 strike', '1 strike outside the time window: counted, not drawn'], emptyMessage: null },
    ],
  ])('%s', (chart, events, caption) => {
    expect(CAPTIONS[chart]?.(events, domain('2025-03-31', '2025-04-06'))).toEqual(caption);
  });
});
