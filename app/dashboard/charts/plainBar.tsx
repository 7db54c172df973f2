import type { BarShapeProps } from 'recharts';

/**
 * A bar drawn as one plain rectangle. Recharts' own bar shape measures its outline after mounting (for entry
 * animations these charts never play) and renders once more: with hundreds of bars, a seek that redraws them all
 * pays a forced layout and a second render per bar.
 */
export function plainBar({ x, y, width, height, fill, fillOpacity }: BarShapeProps) {
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
    />
  );
}
