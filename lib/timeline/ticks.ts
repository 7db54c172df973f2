import { assertNever } from '../assertNever';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_WEEK, addUtcMonths, startOfUtcDay, utcMidnight, utcParts } from '../events/calendar';
import { keptPieces, type TimeScale } from './compressedScale';
import { widthMs, type Viewport } from './viewport';

/** Axis ticks in UTC: hours, days, weeks (Mondays), months or years, as fine as the zoom allows. */
export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface TickStep {
  unit: TickUnit;
  count: number;
  /** Typical distance between two ticks, used to choose a step. */
  nominalMs: number;
}

export interface Tick {
  /** The tick's story instant... */
  ms: number;
  /** ...and its place on the axis. */
  axisMs: number;
  label: string;
  /** The tick also starts a larger period (a day for hours, a month for days, a year for months). */
  major: boolean;
}

const YEAR_MS = 365.25 * MS_PER_DAY;
const MONTH_MS = YEAR_MS / 12;
const step = (unit: TickUnit, count: number, unitMs: number): TickStep => ({ unit, count, nominalMs: count * unitMs });

export const TICK_STEPS: readonly TickStep[] = [
  step('hour', 1, MS_PER_HOUR),
  step('hour', 3, MS_PER_HOUR),
  step('hour', 6, MS_PER_HOUR),
  step('hour', 12, MS_PER_HOUR),
  step('day', 1, MS_PER_DAY),
  step('week', 1, MS_PER_WEEK),
  step('month', 1, MONTH_MS),
  step('month', 3, MONTH_MS),
  step('year', 1, YEAR_MS),
  step('year', 2, YEAR_MS),
  step('year', 5, YEAR_MS),
  step('year', 10, YEAR_MS),
  step('year', 50, YEAR_MS),
  step('year', 100, YEAR_MS),
];

/** Labels need this much room; the finest step whose ticks are at least this far apart is chosen. */
export const MIN_TICK_SPACING_PX = 72;
const MAX_TICKS = 1_000;
/** 5 Jan 1970, the first Monday of the epoch: weeks are counted from it. */
const FIRST_MONDAY_MS = 4 * MS_PER_DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The step for a viewport (on the axis: the pieces outside breaks run at the speed of story time). */
export function chooseTickStep(viewport: Viewport, widthPx: number): TickStep {
  const pxPerMs = widthPx / widthMs(viewport);
  return TICK_STEPS.find((s) => s.nominalMs * pxPerMs >= MIN_TICK_SPACING_PX) ?? (TICK_STEPS[TICK_STEPS.length - 1] as TickStep);
}

const ceilTo = (ms: number, periodMs: number, originMs = 0) => Math.ceil((ms - originMs) / periodMs) * periodMs + originMs;

/** The first tick at or after `ms`. */
export function firstTickAtOrAfter(ms: number, tickStep: TickStep): number {
  const { unit, count } = tickStep;
  switch (unit) {
    case 'hour':
      return ceilTo(ms, count * MS_PER_HOUR, startOfUtcDay(ms));
    case 'day':
      return ceilTo(ms, count * MS_PER_DAY);
    case 'week':
      return ceilTo(ms, count * MS_PER_WEEK, FIRST_MONDAY_MS);
    case 'month': {
      const { year, month } = utcParts(ms);
      let first = utcMidnight(year, month, 1);
      if (first < ms) first = addUtcMonths(first, 1);
      while ((utcParts(first).month - 1) % count !== 0) first = addUtcMonths(first, 1);
      return first;
    }
    case 'year': {
      const { year } = utcParts(ms);
      let candidate = Math.ceil(year / count) * count;
      if (utcMidnight(candidate, 1, 1) < ms) candidate += count;
      return utcMidnight(candidate, 1, 1);
    }
    default:
      return assertNever(unit, 'tick unit');
  }
}

export function nextTick(ms: number, tickStep: TickStep): number {
  const { unit, count } = tickStep;
  switch (unit) {
    case 'hour':
      return ms + count * MS_PER_HOUR;
    case 'day':
      return ms + count * MS_PER_DAY;
    case 'week':
      return ms + count * MS_PER_WEEK;
    case 'month':
      return addUtcMonths(ms, count);
    case 'year':
      return utcMidnight(utcParts(ms).year + count, 1, 1);
    default:
      return assertNever(unit, 'tick unit');
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The label of a tick of this unit, and whether it starts a larger period. */
export function tickLabel(ms: number, unit: TickUnit): Pick<Tick, 'label' | 'major'> {
  const { year, month, day } = utcParts(ms);
  const dayMonth = `${day} ${MONTHS[month - 1] ?? '?'}`;
  switch (unit) {
    case 'hour': {
      const hour = new Date(ms).getUTCHours();
      return hour === 0 ? { label: dayMonth, major: true } : { label: `${pad2(hour)}:00`, major: false };
    }
    case 'day':
    case 'week':
      return { label: dayMonth, major: unit === 'day' ? day === 1 : day <= 7 };
    case 'month':
      return month === 1 ? { label: String(year), major: true } : { label: MONTHS[month - 1] ?? '?', major: false };
    case 'year':
      return { label: String(year), major: false };
    default:
      return assertNever(unit, 'tick unit');
  }
}

/**
 * The ticks inside the viewport (both ends included), for a plot `widthPx` wide: one sequence per piece of the axis
 * between breaks, none inside a break.
 */
export function generateTicks(viewport: Viewport, widthPx: number, scale: TimeScale): { step: TickStep; ticks: Tick[] } {
  const tickStep = chooseTickStep(viewport, widthPx);
  const ticks: Tick[] = [];
  for (const piece of keptPieces(scale, viewport)) {
    for (let ms = firstTickAtOrAfter(piece.fromMs, tickStep); ms <= piece.toMs && ticks.length < MAX_TICKS; ms = nextTick(ms, tickStep)) {
      ticks.push({ ms, axisMs: scale.toAxis(ms), ...tickLabel(ms, tickStep.unit) });
    }
  }
  return { step: tickStep, ticks };
}
