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
