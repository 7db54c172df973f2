import { Symbols, type DotItemDotProps, type ScatterShapeProps } from 'recharts';
import type { DeathsPoint } from '@/lib/charts/reportedDeaths';

export const DEATHS_LINE_COLOR = 'var(--type-strike)';
export const NOT_REPORTED_MARKER_COLOR = 'var(--muted)';
const DOT_RADIUS_PX = 3;
const MARKER_SIZE = 64;

/** What a drawn point stands for, for tests that read the drawing: its strikes and the running sum after them. */
function pointAttributes(point: DeathsPoint) {
  return {
    'data-at': point.atMs,
    'data-strikes': point.strikes.length,
    'data-deaths': point.cumulativeDeaths ?? 'none',
    'data-lower-bound': point.isLowerBound,
    'data-bound': point.cumulative?.bound ?? 'none',
    'data-approximate': point.cumulative?.isApproximate ?? false,
  };
}

/**
 * A point of the step line. Past `withDots` points the dots would merge into a thick line: the points are then
 * drawn with no radius, still one per point. Before any toll is reported there is no line, and no dot to draw.
 */
export function deathsDot(withDots: boolean) {
  return function DeathsDot({ cx, cy, payload }: DotItemDotProps) {
    const point = payload as DeathsPoint;
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return <g className="chart-point" {...pointAttributes(point)} />;
    return <circle className="chart-point" cx={cx} cy={cy} r={withDots ? DOT_RADIUS_PX : 0} fill={DEATHS_LINE_COLOR} {...pointAttributes(point)} />;
  };
}

/** A triangle on the time axis where strikes with no reported toll stand, saying how many. */
export function NotReportedMarker({ cx, cy, payload }: ScatterShapeProps) {
  const point = payload as DeathsPoint;
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy) || point.tollNotReportedCount === 0) return <g />;
  return (
    <g className="chart-marker" data-at={point.atMs} data-toll-not-reported={point.tollNotReportedCount}>
      <Symbols cx={cx} cy={cy} type="triangle" size={MARKER_SIZE} fill={NOT_REPORTED_MARKER_COLOR} />
    </g>
  );
}
