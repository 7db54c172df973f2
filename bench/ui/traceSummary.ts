/**
 * Where a Chromium trace's time went on the page's main thread: self time by kind of work (scripting, style,
 * layout, paint — recording the display lists; rasterising happens on other threads —, garbage collection, HTML
 * parsing, loading, the profiler's own interrupts, other native work), and JavaScript self time by script (from the
 * trace's CPU profile samples), each script named by what its code contains. Kinds are counted in the thread's CPU
 * time (`tdur`), so that other work on the machine, which stretches wall time, does not inflate them.
 */
import { mainThreadOf, parseEvents, profileSamples, type Sample, type TraceEvent, type TraceWindow } from './traceEvents';

export type WorkKind = 'scripting' | 'style' | 'layout' | 'paint' | 'gc' | 'html' | 'loading' | 'profiler' | 'other';
const NO_WORK: Record<WorkKind, number> = { scripting: 0, style: 0, layout: 0, paint: 0, gc: 0, html: 0, loading: 0, profiler: 0, other: 0 };

const KIND_BY_NAME: Record<string, WorkKind> = {
  // The CPU profiler's sampling interrupt: the cost of tracing itself.
  'V8.InvokeApiInterruptCallbacks': 'profiler',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layout',
  'IntersectionObserverController::computeIntersections': 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  PaintImage: 'paint',
  UpdateLayer: 'paint',
  RasterTask: 'paint',
  ParseHTML: 'html',
  ResourceReceivedData: 'loading',
  ResourceFinish: 'loading',
  ResourceSendRequest: 'loading',
  ResourceReceiveResponse: 'loading',
};

export function workKindOf(name: string): WorkKind {
  const known = KIND_BY_NAME[name];
  if (known) return known;
  if (/GC|Gc|garbage/.test(name)) return 'gc';
  if (/^(v8\.|V8\.)|FunctionCall|Script|Microtask|TimerFire|AnimationFrame|EventDispatch|Compile|XHR|IdleCallback|PostMessage/.test(name)) return 'scripting';
  return 'other';
}

export interface TraceSummary {
  /** Wall time covered. */
  spanMs: number;
  /** Wall time inside the main thread's top-level tasks, and the CPU time they used. */
  busyMs: number;
  cpuMs: number;
  /** CPU self time by kind of work. */
  byKind: Record<WorkKind, number>;
  /** Sampled self time by script label, largest first; `(program)` is the browser's native work. */
  byScript: { label: string; ms: number }[];
}

/** CPU self time of each complete event starting in the window (its CPU time less its children's), and the busy time. */
function selfTimesByKind(onMain: readonly TraceEvent[], window: TraceWindow): { byKind: Record<WorkKind, number>; busyUs: number; cpuUs: number } {
  const byKind = { ...NO_WORK };
  const complete = onMain
    .filter((e) => e.ph === 'X' && e.ts !== undefined && e.dur !== undefined)
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; kind: WorkKind; counted: boolean; childCpu: number; cpu: number }[] = [];
  let busyUs = 0;
  let cpuUs = 0;
  const close = (until: number) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done?.counted) byKind[done.kind] += Math.max(0, done.cpu - done.childCpu);
    }
  };
  for (const event of complete) {
    const ts = event.ts ?? 0;
    const dur = event.dur ?? 0;
    const cpu = event.tdur ?? dur;
    close(ts);
    const counted = ts >= window.fromUs && ts < window.toUs;
    const parent = stack[stack.length - 1];
    if (parent) parent.childCpu += cpu;
    else if (counted) {
      busyUs += dur;
      cpuUs += cpu;
    }
    // A top-level task's own time is the scheduler's and any native work without an event of its own.
    stack.push({ end: ts + dur, kind: event.name === 'RunTask' ? 'other' : workKindOf(event.name), counted, childCpu: 0, cpu });
  }
  close(Number.POSITIVE_INFINITY);
  return { byKind, busyUs, cpuUs };
}

function summarizeWindow(onMain: readonly TraceEvent[], samples: readonly Sample[], window: TraceWindow): TraceSummary {
  const { byKind, busyUs, cpuUs } = selfTimesByKind(onMain, window);
  const byScriptUs = new Map<string, number>();
  for (const sample of samples) {
    if (sample.atUs < window.fromUs || sample.atUs >= window.toUs || sample.label === '(idle)' || sample.label === '(root)') continue;
    byScriptUs.set(sample.label, (byScriptUs.get(sample.label) ?? 0) + sample.intervalUs);
  }
  const toMs = (us: number) => us / 1_000;
  return {
    spanMs: toMs(window.toUs - window.fromUs),
    busyMs: toMs(busyUs),
    cpuMs: toMs(cpuUs),
    byKind: Object.fromEntries(Object.entries(byKind).map(([kind, us]) => [kind, toMs(us)])) as Record<WorkKind, number>,
    byScript: [...byScriptUs].map(([label, us]) => ({ label, ms: toMs(us) })).sort((a, b) => b.ms - a.ms),
  };
}

/** A stretch of a page's life in its own clock (`performance.now()`, ms). */
export interface PagePhase {
  label: string;
  fromMs: number;
  toMs: number;
}

/** A `performance.mark` the page made during the trace, and its `startTime`: it ties the page's clock to the trace's. */
export interface PageClockMark {
  name: string;
  atPageMs: number;
}

/** The whole trace summarised, then each phase: work is counted in the phase in which its task started. */
export function summarizeTrace(
  trace: unknown,
  labelOf: (url: string) => string,
  phases: { clock: PageClockMark; phases: readonly PagePhase[] } | null = null,
): { whole: TraceSummary; phases: { label: string; summary: TraceSummary }[] } | null {
  const events = parseEvents(trace);
  const main = mainThreadOf(events);
  if (!main) return null;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const samples = profileSamples(events, main, labelOf);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of onMain) {
    if (e.ts === undefined || e.ph === 'M') continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + (e.dur ?? 0));
  }
  const whole = summarizeWindow(onMain, samples, { fromUs: first, toUs: last });
  const mark = phases && events.find((e) => e.name === phases.clock.name && e.pid === main.pid && e.ts !== undefined);
  if (!phases || mark?.ts === undefined) return { whole, phases: [] };
  const originUs = mark.ts - phases.clock.atPageMs * 1_000;
  return {
    whole,
    phases: phases.phases.map((phase) => ({
      label: phase.label,
      summary: summarizeWindow(onMain, samples, {
        fromUs: Math.max(first, originUs + phase.fromMs * 1_000),
        toUs: Math.min(last, originUs + phase.toMs * 1_000),
      }),
    })),
  };
}

/** The mean of several summaries (e.g. one per seek). */
export function meanSummary(summaries: readonly TraceSummary[]): TraceSummary | null {
  if (summaries.length === 0) return null;
  const n = summaries.length;
  const byKind = { ...NO_WORK };
  const byScript = new Map<string, number>();
  for (const summary of summaries) {
    for (const kind of Object.keys(byKind) as WorkKind[]) byKind[kind] += summary.byKind[kind] / n;
    for (const { label, ms } of summary.byScript) byScript.set(label, (byScript.get(label) ?? 0) + ms / n);
  }
  const meanOf = (pick: (s: TraceSummary) => number) => summaries.reduce((sum, s) => sum + pick(s), 0) / n;
  return {
    spanMs: meanOf((s) => s.spanMs),
    busyMs: meanOf((s) => s.busyMs),
    cpuMs: meanOf((s) => s.cpuMs),
    byKind,
    byScript: [...byScript].map(([label, ms]) => ({ label, ms })).sort((a, b) => b.ms - a.ms),
  };
}

export function describeTraceSummary(summary: TraceSummary): string {
  const f = (ms: number) => ms.toFixed(0);
  const kinds = (Object.entries(summary.byKind) as [WorkKind, number][])
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${f(ms)}`)
    .join(', ');
  const scripts = summary.byScript
    .filter((s) => s.ms >= 1 && !s.label.startsWith('('))
    .map((s) => `${s.label} ${f(s.ms)}`)
    .join(', ');
  const native = summary.byScript.find((s) => s.label === '(program)')?.ms ?? 0;
  const collector = summary.byScript.find((s) => s.label === '(garbage collector)')?.ms ?? 0;
  return (
    `${f(summary.spanMs)} ms, main thread busy ${f(summary.busyMs)} ms (CPU ${f(summary.cpuMs)} ms: ${kinds}); ` +
    `sampled: ${scripts || 'no script'}, browser-native ${f(native)}, garbage collector ${f(collector)} ms`
  );
}
