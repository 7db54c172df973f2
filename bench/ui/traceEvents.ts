/**
 * Reading a Chromium trace (the JSON of `browser.stopTracing()`): its events, the page's main thread, and the CPU
 * profile samples of that thread with the script each one was in.
 */
import { z } from 'zod';

const traceEventSchema = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.number().optional(),
  dur: z.number().optional(),
  tdur: z.number().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  args: z.record(z.string(), z.unknown()).optional(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

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
const profileStartSchema = z.object({ data: z.object({ startTime: z.number() }) });

/** A stretch of the trace in its own clock (µs). */
export interface TraceWindow {
  fromUs: number;
  toUs: number;
}

export interface Thread {
  pid: number;
  tid: number;
}

export function parseEvents(trace: unknown): TraceEvent[] {
  return z
    .object({ traceEvents: z.array(z.unknown()) })
    .parse(trace)
    .traceEvents.flatMap((event) => {
      const parsed = traceEventSchema.safeParse(event);
      return parsed.success ? [parsed.data] : [];
    });
}

export function mainThreadOf(events: readonly TraceEvent[]): Thread | null {
  const busyByThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask') busyByThread.set(`${e.pid}/${e.tid}`, (busyByThread.get(`${e.pid}/${e.tid}`) ?? 0) + (e.dur ?? 0));
  }
  const candidates = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busiest = candidates.sort((a, b) => (busyByThread.get(`${b.pid}/${b.tid}`) ?? 0) - (busyByThread.get(`${a.pid}/${a.tid}`) ?? 0))[0];
  return busiest ? { pid: busiest.pid, tid: busiest.tid } : null;
}

/** One sample of the main thread's CPU profile: when, and in which script (or `(program)`, `(idle)`…). */
export interface Sample {
  atUs: number;
  intervalUs: number;
  label: string;
}

/**
 * The samples of the main thread's CPU profile: its `Profile` event is on that thread, its `ProfileChunk`s (same id)
 * on the profiler's own thread of the same process.
 */
export function profileSamples(events: readonly TraceEvent[], main: Thread, labelOf: (url: string) => string): Sample[] {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  const startById = new Map(profiles.map((e) => [e.id, profileStartSchema.safeParse(e.args).data?.data.startTime ?? e.ts ?? 0]));
  const urlByNode = new Map<number, string>();
  const clockById = new Map<TraceEvent['id'], number>();
  const samples: Sample[] = [];
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== main.pid || !startById.has(event.id)) continue;
    const chunk = profileChunkSchema.safeParse(event.args);
    if (!chunk.success) continue;
    const profile = chunk.data.data.cpuProfile;
    for (const node of profile?.nodes ?? []) {
      const name = node.callFrame.functionName;
      urlByNode.set(node.id, name.startsWith('(') ? name : labelOf(node.callFrame.url ?? ''));
    }
    const ids = profile?.samples ?? [];
    const deltas = chunk.data.data.timeDeltas ?? [];
    let clock = clockById.get(event.id) ?? startById.get(event.id) ?? 0;
    for (let i = 0; i < ids.length; i++) {
      clock += deltas[i] ?? 0;
      samples.push({ atUs: clock, intervalUs: Math.max(0, deltas[i + 1] ?? 0), label: urlByNode.get(ids[i] as number) ?? '(unknown)' });
    }
    clockById.set(event.id, clock);
  }
  return samples;
}
