import type { BarShapeProps } from 'recharts';

/** The count a drawn bar stands for: its own segment of a stack, or the whole bar. */
function barCount(value: BarShapeProps['value']): number {
  return Array.isArray(value) ? value[1] - value[0] : value;
}

/**
 * A bar drawn as one plain rectangle. Recharts' own bar shape measures its outline after mounting (for entry
 * animations these charts never play) and renders once more: with hundreds of bars, a seek that redraws them all
 * pays a forced layout and a second render per bar. Each rectangle says what it stands for (`data-series`, the
 * count, and `data-at` — the bin's start or the actor's name, from `atOf`), so that tests read the drawing itself.
 */
export function drawnBar(series: string, atOf: (payload: unknown) => string | number) {
  return function DrawnBar({ x, y, width, height, fill, fillOpacity, value, payload }: BarShapeProps) {
    const [left, top, w, h] = [Number(x), Number(y), Number(width), Number(height)];
    if (![left, top, w, h].every(Number.isFinite) || w === 0 || h === 0) return <g />;
    return (
      <rect
        className="chart-bar"
        x={w < 0 ? left + w : left}
        y={h < 0 ? top + h : top}
        width={Math.abs(w)}
        height={Math.abs(h)}
        fill={fill}
        fillOpacity={fillOpacity}
        data-series={series}
        data-at={atOf(payload)}
        data-count={barCount(value)}
      />
    );
  };
}

/** The start of the time bin a row of a binned chart stands for. */
export const binStartOf = (payload: unknown): number => (payload as { startMs: number }).startMs;
