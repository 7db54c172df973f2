/**
 * Scripts run inside the page (as source text: functions compiled by tsx would carry its helpers into the page).
 * - Frame recorder: requestAnimationFrame intervals and long-animation-frame entries between start() and stop().
 * - Socket probe (installed before the page's own scripts): the receive time and size of every `replay:jump` frame
 *   (protocol 2: a seek or a step) and of every `replay:snapshot` frame (a join) on the page's WebSockets, taken
 *   before Socket.IO decodes them.
 * - Chart watcher: the first animation frame after all four charts' `data-total` attributes show the expected
 *   values (recharts finishes drawing in a frame callback after the commit that changed them).
 * - Usable watcher (armed before navigation by `usableWatchScript`): the first animation frame at which the
 *   dashboard is usable (see dashboardPage.ts), in ms since the navigation started.
 */
import { z } from 'zod';
import type { ChartTotals } from './dashboardPage';

export const PROBES_SCRIPT = String.raw`
(() => {
  if (window.__sitrepBench) return;
  const frames = { deltas: [], loafDurations: [], last: 0, running: false, startedAt: 0 };
  let observer = null;
  const loop = (t) => {
    if (!frames.running) return;
    if (frames.last) frames.deltas.push(t - frames.last);
    frames.last = t;
    requestAnimationFrame(loop);
  };
  const received = {
    jump: { at: [], largestBytes: 0 },
    snapshot: { at: [], largestBytes: 0 },
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        const kind = event.data.startsWith('42["replay:jump"') ? 'jump' : event.data.startsWith('42["replay:snapshot"') ? 'snapshot' : null;
        if (kind === null) return;
        received[kind].at.push(performance.now());
        received[kind].largestBytes = Math.max(received[kind].largestBytes, event.data.length);
      });
    }
  };

  // Usable: armed by usableWatchScript (before or after this script: init scripts of a page and of its context).
  const usable = { atMs: null, armed: false };
  // A chart is drawn once recharts has put its axes and its marks (bars, or the deaths area) in the plot's SVG.
  const figureDrawn = (figure) =>
    figure.getAttribute('data-state') === 'empty' ||
    (figure.querySelector('.chart-plot .recharts-cartesian-axis-tick') !== null &&
      figure.querySelector('.chart-plot .recharts-rectangle, .chart-plot .recharts-bar-rectangle, .chart-plot .recharts-area') !== null);
  /** What the dashboard does not show yet of what makes it usable (nothing: it is usable). */
  const unmetUsable = () => {
    const expected = window.__sitrepBenchUsableExpected;
    if (!expected) return ['not armed'];
    const unmet = [];
    const dashboard = document.querySelector('.dashboard');
    if (dashboard === null || dashboard.getAttribute('data-state') !== 'ready') unmet.push('dashboard not ready');
    const timeline = document.querySelector('section.timeline');
    if (timeline === null || timeline.getAttribute('data-state') !== 'ready') unmet.push('timeline not ready');
    else {
      if (timeline.getAttribute('data-event-count') !== String(expected.eventCount)) unmet.push('timeline shows ' + timeline.getAttribute('data-event-count') + ' events');
      if (!(Number(timeline.getAttribute('data-marks-drawn')) > 0)) unmet.push('no timeline mark drawn');
    }
    const buttons = [...document.querySelectorAll('section.playback button')];
    if (buttons.length === 0 || buttons.some((button) => button.disabled)) unmet.push('playback controls disabled');
    for (const [id, total] of Object.entries(expected.totals)) {
      const figure = document.querySelector('figure[data-chart="' + id + '"]');
      if (figure === null) unmet.push(id + ' absent');
      else if (figure.getAttribute('data-total') !== String(total)) unmet.push(id + ' total ' + figure.getAttribute('data-total') + ', not ' + total);
      else if (!figureDrawn(figure)) unmet.push(id + ' not drawn');
    }
    return unmet;
  };
  const armUsable = () => {
    const expected = window.__sitrepBenchUsableExpected;
    if (!expected || usable.armed) return;
    usable.armed = true;
    const check = () => unmetUsable().length === 0;
    const watcher = new MutationObserver(() => {
      if (!check()) return;
      watcher.disconnect();
      requestAnimationFrame(() => {
        usable.atMs = performance.now();
      });
    });
    watcher.observe(document, { attributes: true, attributeFilter: ['data-state', 'data-total', 'data-event-count', 'data-marks-drawn', 'disabled'], childList: true, subtree: true });
  };
  window.__sitrepBenchArmUsable = armUsable;
  armUsable();

  window.__sitrepBench = {
    startFrames() {
      frames.deltas = [];
      frames.loafDurations = [];
      frames.last = 0;
      frames.running = true;
      frames.startedAt = performance.now();
      observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) frames.loafDurations.push(entry.duration);
      });
      observer.observe({ type: 'long-animation-frame', buffered: false });
      requestAnimationFrame(loop);
    },
    stopFrames() {
      frames.running = false;
      if (observer) observer.disconnect();
      return { deltasMs: frames.deltas, longFramesMs: frames.loafDurations, startedAtMs: frames.startedAt, stoppedAtMs: performance.now() };
    },
    jumpCount: () => received.jump.at.length,
    largestFrameBytes: () => ({ jump: received.jump.largestBytes, snapshot: received.snapshot.largestBytes }),
    /** Resolves at the frame after every figure[data-chart=id] shows data-total = expected[id], with the receive time of jump number afterJumpCount. */
    watchCharts(expected, afterJumpCount, timeoutMs) {
      const matches = () =>
        Object.entries(expected).every(([id, total]) => {
          const figure = document.querySelector('figure[data-chart="' + id + '"]');
          return figure !== null && figure.getAttribute('data-total') === String(total);
        });
      window.__sitrepBenchCharts = new Promise((resolve) => {
        const finish = (doneAtMs) => {
          charts.disconnect();
          clearTimeout(timer);
          resolve({ doneAtMs, jumpAtMs: received.jump.at[afterJumpCount] ?? null, jumps: received.jump.at.length });
        };
        const charts = new MutationObserver(() => {
          if (received.jump.at.length > afterJumpCount && matches()) {
            charts.disconnect();
            requestAnimationFrame(() => finish(performance.now()));
          }
        });
        charts.observe(document.body, { attributes: true, attributeFilter: ['data-total'], childList: true, subtree: true });
        const timer = setTimeout(() => finish(null), timeoutMs);
      });
    },
    /** When the dashboard became usable (ms since navigation), and where the time went before it. */
    unmetUsable,
    usable() {
      const navigation = performance.getEntriesByType('navigation')[0];
      const story = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/scenarios/'));
      const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
      return {
        usableAtMs: usable.atMs,
        domContentLoadedMs: navigation ? navigation.domContentLoadedEventEnd : null,
        firstContentfulPaintMs: paint ? paint.startTime : null,
        story: story
          ? { requestStartMs: story.startTime, responseStartMs: story.responseStart, responseEndMs: story.responseEnd, transferBytes: story.transferSize, bodyBytes: story.decodedBodySize }
          : null,
      };
    },
  };
})();
`;

/** Arms the usable watcher of PROBES_SCRIPT for the next navigation: what the dashboard must show. */
export function usableWatchScript(eventCount: number, totals: ChartTotals): string {
  return `window.__sitrepBenchUsableExpected = ${JSON.stringify({ eventCount, totals })}; window.__sitrepBenchArmUsable?.();`;
}

export const frameRecordingSchema = z.object({
  deltasMs: z.array(z.number()),
  longFramesMs: z.array(z.number()),
  /** When the recording started and stopped, in the page's clock (ms since its navigation). */
  startedAtMs: z.number(),
  stoppedAtMs: z.number(),
});
export type FrameRecording = z.infer<typeof frameRecordingSchema>;

export const chartWatchSchema = z.object({ doneAtMs: z.number().nullable(), jumpAtMs: z.number().nullable(), jumps: z.number() });
export const largestFramesSchema = z.object({ jump: z.number(), snapshot: z.number() });

export const usableSchema = z.object({
  usableAtMs: z.number().nullable(),
  domContentLoadedMs: z.number().nullable(),
  firstContentfulPaintMs: z.number().nullable(),
  story: z
    .object({ requestStartMs: z.number(), responseStartMs: z.number(), responseEndMs: z.number(), transferBytes: z.number(), bodyBytes: z.number() })
    .nullable(),
});
export type UsableTiming = z.infer<typeof usableSchema>;
