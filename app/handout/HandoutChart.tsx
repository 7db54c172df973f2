'use client';

import dynamic from 'next/dynamic';
import { type ChartId } from '@/lib/charts/chartIds';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import type { StoryEvent } from '@/lib/events/schema';

const ChartsGrid = dynamic(() => import('../roomScreen/charts/ChartsGrid'), {
  ssr: false,
  loading: () => <p className="muted">Loading the chart…</p>,
});

/** A moment's chart, computed at the moment, at a fixed width so that it prints as it shows. */
export function HandoutChart({ chart, events, domain, atMs, isFiltered }: { chart: ChartId; events: readonly StoryEvent[]; domain: ChartDomain; atMs: number; isFiltered: boolean }) {
  return (
    <div className="handout-chart">
      <ChartsGrid events={events} releasedCount={events.length} domain={domain} playheadMs={atMs} isFiltered={isFiltered} only={[chart]} />
    </div>
  );
}
