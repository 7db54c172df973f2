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

/** Where a series' bar sits in its bin: slot `slot` of `slots` side by side (one slot for a stack). */
export interface BinBarPlace {
  slot: number;
  slots: number;
}

/** A bar's group takes at most this share of its bin's width (the rest is the gap between bins)... */
const BIN_BAR_SHARE = 0.8;
/** ...and at most this many pixels. */
export const MAX_BIN_BAR_WIDTH_PX = 40;

type XOf = ((value: number) => number | undefined) | undefined;

/**
 * A binned chart's bar, placed over its bin by the chart's x scale `xOf` (story time to px): the group of a bin's
 * bars is centred on the bin's stretch of the axis, and the bar takes its slot in it. Height and fill as recharts
 * computed them; without a scale yet, nothing is drawn.
 */
export function binBar(series: string, { slot, slots }: BinBarPlace, xOf: XOf) {
  const Drawn = drawnBar(series, binStartOf);
  return function BinBar(props: BarShapeProps) {
    const bin = props.payload as { startMs: number; endMs: number } | undefined;
    const left = bin && xOf?.(bin.startMs);
    const right = bin && xOf?.(bin.endMs);
    if (left === undefined || right === undefined) return <g />;
    const group = Math.min(MAX_BIN_BAR_WIDTH_PX, (right - left) * BIN_BAR_SHARE);
    const width = group / slots;
    return <Drawn {...props} x={left + (right - left - group) / 2 + slot * width} width={width} />;
  };
}
