import { isLowerBound } from '../events/casualtyTally';
import type { ActivityByActorSeries } from './activityByActor';
import type { EventsPerBinSeries } from './eventsPerBin';
import type { ReportedDeathsSeries } from './reportedDeaths';
import type { StrikesVsDiplomacySeries } from './strikesVsDiplomacy';
import { binSizeLabel, type BinPlan } from './timeBins';
import { capitalised, countOf } from './text';
import { formatCumulativeDeaths } from './tollLabels';

/** What a chart's caption says: its name, notes on what it leaves out, and the message that replaces an empty chart. */
export interface ChartCaption {
  title: string;
  notes: string[];
  /** Non-null when there is nothing to draw. */
  emptyMessage: string | null;
}

/** Whether the chart is drawn from filtered events: an empty chart then says so rather than "not released yet". */
export interface CaptionOptions {
  isFiltered?: boolean;
}

/** "No strikes released yet", or "No strikes match the filter". */
function nothingYet(what: string, { isFiltered = false }: CaptionOptions, released = 'released yet'): string {
  return `No ${what} ${isFiltered ? 'match the filter' : released}`;
}

const perBin = (plan: BinPlan) => binSizeLabel(plan);

/** "2 strikes outside the time window are not shown": events dated to a day, but not inside the chart's domain. */
function outsideNote(outside: number, singular = 'event', plural = `${singular}s`): string[] {
  return outside === 0 ? [] : [`${countOf(outside, singular, plural)} outside the time window ${outside === 1 ? 'is' : 'are'} not shown`];
}

export function eventsPerBinCaption(series: EventsPerBinSeries, options: CaptionOptions = {}): ChartCaption {
  const unit = perBin(series.plan);
  const left = series.approximateCount;
  const notes = [
    ...(left === 0 ? [] : [`${countOf(left, 'event')} with ${left === 1 ? 'an approximate date is' : 'approximate dates are'} not shown by ${unit}`]),
    ...outsideNote(series.outsideCount),
  ];
  const unplaced = left + series.outsideCount;
  const emptyMessage = series.placedCount > 0 ? null : nothingYet(unplaced > 0 ? 'events dated to a day' : 'events', options);
  return { title: `Events per ${unit}, by type`, notes, emptyMessage };
}

/** Why a sum of deaths is a lower bound: the caption says so whenever it is one. */
export const LOWER_BOUND_NOTE =
  'A lower bound: the sum includes tolls reported as "at least" or "more than", or only in part (such as children killed), so the true toll may be higher';
/** Why a sum of deaths is approximate. */
export const APPROXIMATE_NOTE = 'Approximate: the sum includes tolls reported as "about"';

export function reportedDeathsCaption(series: ReportedDeathsSeries, options: CaptionOptions = {}): ChartCaption {
  const title = 'Reported deaths over time, cumulative';
  if (series.strikes.length === 0) return { title, notes: [], emptyMessage: nothingYet('strikes', options) };
  const strikes = countOf(series.strikes.length, 'strike');
  const notes = [
    series.total
      ? `${capitalised(formatCumulativeDeaths(series.total))} ${series.total.count === 1 && series.total.bound !== 'more-than' ? 'death' : 'deaths'} reported in ${strikes}`
      : `No death toll reported yet for ${strikes}`,
  ];
  const unknown = series.tollNotReportedCount;
  if (unknown > 0) notes.push(`${countOf(unknown, 'strike')} with toll not reported: marked on the time axis, not counted`);
  if (series.total && isLowerBound(series.total)) notes.push(LOWER_BOUND_NOTE);
  if (series.total?.isApproximate) notes.push(APPROXIMATE_NOTE);
  if (series.hasApproximateDates) notes.push('Strikes with approximate dates stand at their release date');
  if (series.outsideCount > 0) notes.push(`${countOf(series.outsideCount, 'strike')} outside the time window: counted, not drawn`);
  return { title, notes, emptyMessage: null };
}

export function strikesVsDiplomacyCaption(series: StrikesVsDiplomacySeries, options: CaptionOptions = {}): ChartCaption {
  const unit = perBin(series.plan);
  const { kinetic, diplomatic } = series.approximate;
  const parts = [
    ...(kinetic > 0 ? [countOf(kinetic, 'strike')] : []),
    ...(diplomatic > 0 ? [countOf(diplomatic, 'meeting or proposal', 'meetings or proposals')] : []),
  ];
  const notes = [
    ...(parts.length === 0 ? [] : [`${parts.join(' and ')} with approximate dates ${kinetic + diplomatic === 1 ? 'is' : 'are'} not shown by ${unit}`]),
    ...outsideNote(series.outside.kinetic + series.outside.diplomatic, 'strike or diplomatic event', 'strikes or diplomatic events'),
  ];
  const placed = series.placed.kinetic + series.placed.diplomatic;
  const emptyMessage =
    placed > 0
      ? null
      : notes.length > 0
        ? nothingYet('strikes or diplomatic events dated to a day', options, 'yet')
        : nothingYet('strikes or diplomatic events', options);
  return { title: `Strikes against diplomacy, per ${unit}`, notes, emptyMessage };
}

export function activityByActorCaption(series: ActivityByActorSeries, options: CaptionOptions = {}): ChartCaption {
  const title = 'Activity by actor';
  if (series.actorCount === 0) return { title, notes: [], emptyMessage: nothingYet('events with named actors', options) };
  const { actorCount } = series;
  const shown = series.top.length < actorCount ? `Top ${series.top.length} of ${actorCount} actors` : actorCount === 1 ? '1 actor' : `All ${actorCount} actors`;
  return {
    title,
    notes: [`${shown}, in ${countOf(series.eventsWithActors, 'event')}`, 'An event counts once for each of its actors'],
    emptyMessage: null,
  };
}
