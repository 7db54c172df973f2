import { describe, expect, it } from 'vitest';
import { activityKindOf } from '@/lib/charts/activityKind';
import { activityByActorStory, revealActivityByActor, TOP_ACTOR_COUNT } from '@/lib/charts/activityByActor';
import { replayChartDomain, type ChartDomain } from '@/lib/charts/chartDomain';
import { chartStory, releasedCountAt, type ChartStory } from '@/lib/charts/chartStory';
import { MAX_DEATHS_POINTS } from '@/lib/charts/deathsPoints';
import { eventsPerBinStory, revealEventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeathsStory, revealReportedDeaths } from '@/lib/charts/reportedDeaths';
import { revealStrikesVsDiplomacy, strikesVsDiplomacyStory } from '@/lib/charts/strikesVsDiplomacy';
import { MS_PER_DAY } from '@/lib/events/calendar';
import { applyFilter } from '@/lib/replay/eventFilter';
import { buildSchedule } from '@/lib/replay/schedule';
import { seededRandom } from '@/lib/synthetic/random';
import { at, domain, makeEvent, reported } from './chartFixtures';
import { plainActivityByActor, plainEventsPerBin, plainMergedPoints, plainReportedDeaths, plainStrikesVsDiplomacy, pointSummary, summedDeaths } from './chartOracles';
import { randomStory, randomTypeFilter } from './randomStory';

/** Seeds of the property test: each one a story, a filter, a domain and a few prefixes. */
const SEEDS = Array.from({ length: 40 }, (_, i) => 1_000 + i);
const PREFIXES_PER_SEED = 6;

/** The replay's span, or now and then a window inside it (events fall outside) or around it. */
function randomDomain(random: () => number, story: ChartStory['events']): ChartDomain {
  const replay = replayChartDomain(buildSchedule(story));
  const roll = random();
  if (roll < 0.6) return replay;
  const span = replay.endMs - replay.startMs;
  if (roll < 0.85) return { startMs: replay.startMs + Math.floor(span * 0.2), endMs: replay.endMs - Math.floor(span * 0.3) };
  return { startMs: replay.startMs - 10 * MS_PER_DAY, endMs: replay.endMs + 200 * MS_PER_DAY };
}

describe('revealing a story at a playhead gives what the released events alone give', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const random = seededRandom(seed);
    const whole = randomStory(seed, { events: 20 + Math.floor(random() * 80), spanDays: random() < 0.5 ? 60 : 400, days: 5 + Math.floor(random() * 40) });
    const events = applyFilter(whole, { types: randomTypeFilter(random), actors: [] });
    const chartDomain = randomDomain(random, whole);
    const story = chartStory(events, chartDomain);
    const series = {
      perBin: eventsPerBinStory(story),
      deaths: reportedDeathsStory(story),
      activity: strikesVsDiplomacyStory(story),
      actors: activityByActorStory(story),
    };
    const positions = [0, events.length, ...Array.from({ length: PREFIXES_PER_SEED }, () => Math.floor(random() * (events.length + 1)))];
    for (const released of positions) {
      const prefix = events.slice(0, released);
      const perBin = revealEventsPerBin(series.perBin, released);
      expect({ rows: perBin.rows, placedCount: perBin.placedCount, approximateCount: perBin.approximateCount, outsideCount: perBin.outsideCount }).toEqual(
        plainEventsPerBin(prefix, chartDomain),
      );
      const activity = revealStrikesVsDiplomacy(series.activity, released);
      expect({ rows: activity.rows, placed: activity.placed, approximate: activity.approximate, outside: activity.outside }).toEqual(
        plainStrikesVsDiplomacy(prefix, chartDomain),
      );
      const deaths = revealReportedDeaths(series.deaths, released);
      const plainDeaths = plainReportedDeaths(prefix);
      expect(deaths.strikes.map((s) => `${s.event.id} ${summedDeaths(s.cumulative)}`)).toEqual(
        plainDeaths.strikes,
      );
      expect(deaths.points.map(pointSummary)).toEqual(plainDeaths.points);
      expect(deaths.tollNotReportedCount).toBe(plainDeaths.tollNotReportedCount);
      const actors = revealActivityByActor(series.actors, released);
      expect({ top: actors.top, actorCount: actors.actorCount, eventsWithActors: actors.eventsWithActors }).toEqual(plainActivityByActor(prefix, TOP_ACTOR_COUNT));
    }
  });

  it('a long story draws its deaths per slice of time, and a prefix is drawn with the same slices', () => {
    const random = seededRandom(99);
    const strikes = Array.from({ length: 450 }, (_, i) =>
      makeEvent(`s${i}`, at(new Date(Date.parse('2024-01-01') + i * MS_PER_DAY).toISOString().slice(0, 10)), {
        type: 'strike',
        ...(random() < 0.7 && { casualties: { killed: reported(Math.floor(random() * 5)) } }),
      }),
    );
    const chartDomain = replayChartDomain(buildSchedule(strikes));
    const deaths = reportedDeathsStory(chartStory(strikes, chartDomain));
    expect(deaths.points.length).toBeLessThanOrEqual(MAX_DEATHS_POINTS);
    for (const released of [0, 1, 2, 3, 77, 200, 201, 333, 449, 450]) {
      const series = revealReportedDeaths(deaths, released);
      expect(series.points.map(pointSummary)).toEqual(plainMergedPoints(plainReportedDeaths(strikes.slice(0, released)).points, deaths.domainMs, MAX_DEATHS_POINTS));
    }
  });

  it('the playhead reveals the events released at it (the anchor included)', () => {
    const events = [makeEvent('a', at('2025-04-02')), makeEvent('b', at('2025-04-02')), makeEvent('c', at('2025-04-05'))];
    const story = chartStory(events, domain('2025-04-01', '2025-04-10'));
    expect([domain('2025-04-01', '2025-04-01').startMs, Date.parse('2025-04-02T00:00Z'), Date.parse('2025-04-04T23:59Z'), Date.parse('2025-04-05T00:00Z')].map((ms) => releasedCountAt(story, ms))).toEqual([
      0, 2, 2, 3,
    ]);
  });
});

describe('a release changes only what it must', () => {
  const events = randomStory(7, { events: 120, spanDays: 50, days: 25 });
  const story = chartStory(events, replayChartDomain(buildSchedule(events)));
  const binOf = (position: number) => {
    const ordinal = Array.from(story.binnedPositions).indexOf(position);
    return ordinal < 0 ? null : (story.binOfBinned[ordinal] as number);
  };

  it('in the binned charts: only the bin the released event falls in, and nothing at all for an event with no bin', () => {
    const perBin = eventsPerBinStory(story);
    const activity = strikesVsDiplomacyStory(story);
    for (let released = 0; released < events.length; released++) {
      const before = revealEventsPerBin(perBin, released);
      const after = revealEventsPerBin(perBin, released + 1);
      const bin = binOf(released);
      if (bin === null) expect(after.rows).toBe(before.rows);
      else {
        const changed = after.rows.flatMap((row, i) => (row === before.rows[i] ? [] : [i]));
        expect(changed).toEqual([bin]);
        expect(after.rows[bin]?.total).toBe((before.rows[bin]?.total ?? 0) + 1);
        expect(after.plan).toBe(before.plan);
      }
      const activityBefore = revealStrikesVsDiplomacy(activity, released);
      const activityAfter = revealStrikesVsDiplomacy(activity, released + 1);
      const isActivity = bin !== null && activityKindOf((events[released] as (typeof events)[number]).type) !== null;
      if (!isActivity) expect(activityAfter.rows).toBe(activityBefore.rows);
      else expect(activityAfter.rows.flatMap((row, i) => (row === activityBefore.rows[i] ? [] : [i]))).toEqual([bin]);
    }
  });

  it('in the deaths chart: earlier points stay, only the last one is new', () => {
    const deaths = reportedDeathsStory(story);
    for (let released = 0; released < events.length; released++) {
      const before = revealReportedDeaths(deaths, released);
      const after = revealReportedDeaths(deaths, released + 1);
      if ((events[released] as (typeof events)[number]).type !== 'strike') {
        expect(after).toBe(before);
        continue;
      }
      const kept = before.points.length - (after.points.length === before.points.length ? 1 : 0);
      after.points.slice(0, kept).forEach((point, i) => expect(point).toBe(before.points[i]));
      expect(after.strikes).toHaveLength(before.strikes.length + 1);
    }
  });

  it('in the actor chart: nothing, for an event that names no actor', () => {
    const actors = activityByActorStory(story);
    for (let released = 0; released < events.length; released++) {
      const before = revealActivityByActor(actors, released);
      const after = revealActivityByActor(actors, released + 1);
      if ((events[released] as (typeof events)[number]).actors.length === 0) expect(after).toBe(before);
      else expect(after.eventsWithActors).toBe(before.eventsWithActors + 1);
    }
  });

  it('the bins and the count axes are the story’s, whatever is revealed', () => {
    const perBin = eventsPerBinStory(story);
    const first = revealEventsPerBin(perBin, 1);
    const last = revealEventsPerBin(perBin, events.length);
    expect(first.plan).toBe(last.plan);
    expect(first.rows.map((r) => r.startMs)).toEqual(last.rows.map((r) => r.startMs));
    expect(first.maxBinTotal).toBe(Math.max(...last.rows.map((r) => r.total)));
    expect(revealReportedDeaths(reportedDeathsStory(story), 1).domainMs).toBe(revealReportedDeaths(reportedDeathsStory(story), events.length).domainMs);
  });
});
