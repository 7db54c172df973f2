/** The one result shape every benchmark part returns; run.ts gathers them into the table and latest.json. */

export interface BenchMetric {
  name: string;
  unit: string;
  /** Sitrep's figure, or null when it could not be measured. */
  sitrep: number | null;
  /** The baseline's figure measured in the same run, or null when there is none. */
  baseline: number | null;
  /** sitrep / baseline; null when either is missing or the baseline is 0. */
  ratio: number | null;
  /** The target in words (`ratio ≤ 1.10`, `= 0`, `≤ 5 ms`), or null for a figure that is only reported. */
  target: string | null;
  /** Whether the target is met; null when there is no target. */
  pass: boolean | null;
}

export interface BenchPartResult {
  part: string;
  title: string;
  metrics: BenchMetric[];
  notes: string[];
  wallMs: number;
}

export interface BenchContext {
  repoRoot: string;
  /** A fresh temporary folder for this run (stories, data dirs); removed at the end. */
  workDir: string;
  /** Shorter measurements, for trying the bench out; marked as such in the table and the JSON. */
  quick: boolean;
  log(message: string): void;
}

export interface BenchPart {
  name: string;
  title: string;
  /** Starts the real server, which serves the Next.js production build. */
  needsAppBuild?: boolean;
  run(context: BenchContext): Promise<Omit<BenchPartResult, 'wallMs'>>;
}

export interface MetricCheck {
  target: string;
  pass(sitrep: number, ratio: number | null): boolean;
}

export function ratioOf(sitrep: number | null, baseline: number | null): number | null {
  if (sitrep === null || baseline === null || baseline === 0) return null;
  return sitrep / baseline;
}

/** A metric with its ratio to the baseline and, when given, its target check. */
export function metric(name: string, unit: string, sitrep: number | null, baseline: number | null, check?: MetricCheck): BenchMetric {
  const ratio = ratioOf(sitrep, baseline);
  return {
    name,
    unit,
    sitrep,
    baseline,
    ratio,
    target: check?.target ?? null,
    pass: check === undefined ? null : sitrep !== null && check.pass(sitrep, ratio),
  };
}

/** Sitrep at most `limit` times the baseline (when the baseline is 0, Sitrep must be 0 too). */
export function ratioAtMost(limit: number): MetricCheck {
  return { target: `ratio ≤ ${limit.toFixed(2)}`, pass: (sitrep, ratio) => (ratio === null ? sitrep === 0 : ratio <= limit) };
}

export function atMost(limit: number, unit: string): MetricCheck {
  return { target: `≤ ${limit} ${unit}`, pass: (sitrep) => sitrep <= limit };
}

export function within(limit: number, unit: string): MetricCheck {
  return { target: `|x| ≤ ${limit} ${unit}`, pass: (sitrep) => Math.abs(sitrep) <= limit };
}

export const EXACTLY_ZERO: MetricCheck = { target: '= 0', pass: (sitrep) => sitrep === 0 };
