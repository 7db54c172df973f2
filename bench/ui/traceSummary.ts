/**
 * Where a Chromium trace's time went on the page's main thread: self time by kind of work (scripting, style,
 * layout, paint — recording the display lists; rasterising happens on other threads —, garbage collection, HTML
 * parsing, loading, the profiler's own interrupts, other native work), and JavaScript self time by script (from the
 * trace's CPU profile samples), each script named by what its code contains.
 */
import { z } from 'zod';

const traceEventSchema = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.number().optional(),
  dur: z.number().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  args: z.record(z.string(), z.unknown()).optional(),
});
type TraceEvent = z.infer<typeof traceEventSchema>;

const profileChunkSchema = z.object({
  data: z.object({
    cpuProfile: z
      .object({
        nodes: z.array(z.object({ id: z.number(), callFrame: z.object({ functionName: z.string(), url: z.string().optional() }) })).optional(),
        samples: z.array(z.number()).optional(),
      })
      .optional(),
    timeDeltas: z.array(z.number()).optional(),
  }),
});

export type WorkKind = 'scripting' | 'style' | 'layout' | 'paint' | 'gc' | 'html' | 'loading' | 'profiler' | 'other';

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
  /** From the first to the last event of the main thread. */
  spanMs: number;
  /** Time inside the main thread's top-level tasks. */
  busyMs: number;
  byKind: Record<WorkKind, number>;
  /** JavaScript self time by script label (CPU profile samples), largest first; `(program)` is native work. */
  byScript: { label: string; ms: number }[];
}

function mainThreadOf(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const candidates = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | null = null;
  for (const thread of candidates) {
    const busy = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask').reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: thread.pid, tid: thread.tid, busy };
  }
  return best && { pid: best.pid, tid: best.tid };
}

/** Self time (µs) of each complete event on one thread: its duration less its children's. */
function selfTimesByKind(events: readonly TraceEvent[]): { byKind: Record<WorkKind, number>; busyUs: number } {
  const byKind: Record<WorkKind, number> = { scripting: 0, style: 0, layout: 0, paint: 0, gc: 0, html: 0, loading: 0, profiler: 0, other: 0 };
  const complete = events.filter((e) => e.ph === 'X' && e.ts !== undefined && e.dur !== undefined).sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; kind: WorkKind; childUs: number; dur: number }[] = [];
  let busyUs = 0;
  const close = (until: number) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done) byKind[done.kind] += Math.max(0, done.dur - done.childUs);
    }
  };
  for (const event of complete) {
    const ts = event.ts ?? 0;
    const dur = event.dur ?? 0;
    close(ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.childUs += Math.min(dur, parent.end - ts);
    else busyUs += dur;
    // A top-level task's own time is the scheduler's and any native work without an event of its own.
    stack.push({ end: ts + dur, kind: event.name === 'RunTask' ? 'other' : workKindOf(event.name), childUs: 0, dur });
  }
  close(Number.POSITIVE_INFINITY);
  return { byKind, busyUs };
}

/**
 * JavaScript self time (µs) by script, from the CPU profile of the main thread: its `Profile` event is on that thread,
 * its `ProfileChunk`s (same id) on the profiler's own thread of the same process.
 */
function selfTimesByScript(events: readonly TraceEvent[], main: { pid: number; tid: number }, labelOf: (url: string) => string): Map<string, number> {
  const profileIds = new Set(events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid).map((e) => e.id));
  const urlByNode = new Map<number, string>();
  const byScript = new Map<string, number>();
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== main.pid || !profileIds.has(event.id)) continue;
    const chunk = profileChunkSchema.safeParse(event.args);
    if (!chunk.success) continue;
    const profile = chunk.data.data.cpuProfile;
    for (const node of profile?.nodes ?? []) {
      const name = node.callFrame.functionName;
      urlByNode.set(node.id, name.startsWith('(') ? name : (node.callFrame.url ?? ''));
    }
    const samples = profile?.samples ?? [];
    const deltas = chunk.data.data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const url = urlByNode.get(samples[i] as number) ?? '';
      const label = url.startsWith('(') ? url : labelOf(url);
      byScript.set(label, (byScript.get(label) ?? 0) + Math.max(0, deltas[i + 1] ?? 0));
    }
  }
  return byScript;
}

export function summarizeTrace(trace: unknown, labelOf: (url: string) => string): TraceSummary | null {
  const raw = z.object({ traceEvents: z.array(z.unknown()) }).parse(trace).traceEvents;
  const events = raw.flatMap((event) => {
    const parsed = traceEventSchema.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
  const main = mainThreadOf(events);
  if (!main) return null;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of onMain) {
    if (e.ts === undefined || e.ph === 'M') continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + (e.dur ?? 0));
  }
  const { byKind, busyUs } = selfTimesByKind(onMain);
  const toMs = (us: number) => us / 1_000;
  const byScript = [...selfTimesByScript(events, main, labelOf)]
    .filter(([label]) => label !== '(idle)' && label !== '(root)')
    .map(([label, us]) => ({ label, ms: toMs(us) }))
    .sort((a, b) => b.ms - a.ms);
  return {
    spanMs: last > first ? toMs(last - first) : 0,
    busyMs: toMs(busyUs),
    byKind: Object.fromEntries(Object.entries(byKind).map(([kind, us]) => [kind, toMs(us)])) as Record<WorkKind, number>,
    byScript,
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
    `main thread busy ${f(summary.busyMs)} of ${f(summary.spanMs)} ms, by trace event: ${kinds} ms; ` +
    `CPU profile self time: ${scripts} ms, browser-native work ${f(native)} ms, garbage collector ${f(collector)} ms`
  );
}
