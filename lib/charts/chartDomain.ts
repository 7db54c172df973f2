import { eventSpan, isPrecise } from '../events/eventSpan';
import type { Schedule } from '../replay/schedule';
import { planBins, type BinPlan } from './timeBins';

/**
 * The stretch of story time a chart shows, UTC epoch ms, both ends included. It is an input of the charts, fixed
 * for a story: releases and seeks reveal values inside it and never move it, so the bins and the time axes stay.
 */
export interface ChartDomain {
  startMs: number;
  endMs: number;
}

/** The default domain: the replay's span, from the story's first release to its end. */
export function replayChartDomain(schedule: Pick<Schedule, 'startMs' | 'endMs'>): ChartDomain {
  return { startMs: schedule.startMs, endMs: Math.max(schedule.startMs, schedule.endMs) };
}

/**
 * The domain the screens use: from the first to the last event dated to a day or an instant — the only events a
 * time chart can put in a bin — or the replay's span when no event is dated so precisely. A story whose background
 * reaches back years (dated to a year) is not spread over years of empty bins.
 */
export function storyChartDomain(schedule: Pick<Schedule, 'events' | 'startMs' | 'endMs'>): ChartDomain {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const event of schedule.events) {
    if (!isPrecise(event.time)) continue;
    const anchorMs = eventSpan(event).anchorMs;
    startMs = Math.min(startMs, anchorMs);
    endMs = Math.max(endMs, anchorMs);
  }
  return startMs <= endMs ? { startMs, endMs } : replayChartDomain(schedule);
}

export function sameDomain(a: ChartDomain, b: ChartDomain): boolean {
  return a.startMs === b.startMs && a.endMs === b.endMs;
}

const planCache = new Map<string, BinPlan>();
/** Domains differ by story (and, later, by time window): a few plans at most are ever alive. */
const MAX_CACHED_PLANS = 16;

/**
 * The time bins of a domain (see planBins), the same object for the same domain: every binned chart of a screen
 * uses it, so their bins line up. The last bin holds `endMs`.
 */
export function domainBinPlan(domain: ChartDomain): BinPlan {
  const key = `${domain.startMs}/${domain.endMs}`;
  const cached = planCache.get(key);
  if (cached) return cached;
  const plan = planBins(domain.startMs, domain.endMs + 1);
  if (planCache.size >= MAX_CACHED_PLANS) planCache.clear();
  planCache.set(key, plan);
  return plan;
}
