/**
 * Scripts run inside the page (as source text: functions compiled by tsx would carry its helpers into the page).
 * - Frame recorder: requestAnimationFrame intervals and long-animation-frame entries between start() and stop().
 * - Socket probe (installed before the page's own scripts): the receive time of every `replay:snapshot` frame on
 *   the page's WebSockets, taken before Socket.IO decodes it.
 * - Chart watcher: the first animation frame after all four charts' `data-total` attributes show the expected
 *   values (recharts finishes drawing in a frame callback after the commit that changed them).
 */
import { z } from 'zod';

export const PROBES_SCRIPT = String.raw`
(() => {
  if (window.__sitrepBench) return;
  const frames = { deltas: [], loafDurations: [], last: 0, running: false };
  let observer = null;
  const loop = (t) => {
    if (!frames.running) return;
    if (frames.last) frames.deltas.push(t - frames.last);
    frames.last = t;
    requestAnimationFrame(loop);
  };
  const snapshots = { receivedAt: [], lastFrameText: '', largestFrameBytes: 0 };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        if (event.data.startsWith('42["replay:snapshot"')) {
          snapshots.receivedAt.push(performance.now());
          snapshots.lastFrameText = event.data;
          snapshots.largestFrameBytes = Math.max(snapshots.largestFrameBytes, event.data.length);
        }
      });
    }
  };
  window.__sitrepBench = {
    startFrames() {
      frames.deltas = [];
      frames.loafDurations = [];
      frames.last = 0;
      frames.running = true;
      observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) frames.loafDurations.push(entry.duration);
      });
      observer.observe({ type: 'long-animation-frame', buffered: false });
      requestAnimationFrame(loop);
    },
    stopFrames() {
      frames.running = false;
      if (observer) observer.disconnect();
      return { deltasMs: frames.deltas, longFramesMs: frames.loafDurations };
    },
    snapshotCount: () => snapshots.receivedAt.length,
    /** Resolves at the frame after every figure[data-chart=id] shows data-total = expected[id], with the snapshot's receive time. */
    watchCharts(expected, afterSnapshotCount, timeoutMs) {
      const matches = () =>
        Object.entries(expected).every(([id, total]) => {
          const figure = document.querySelector('figure[data-chart="' + id + '"]');
          return figure !== null && figure.getAttribute('data-total') === String(total);
        });
      window.__sitrepBenchCharts = new Promise((resolve) => {
        const finish = (doneAtMs) => {
          charts.disconnect();
          clearTimeout(timer);
          resolve({ doneAtMs, snapshotAtMs: snapshots.receivedAt[afterSnapshotCount] ?? null, snapshots: snapshots.receivedAt.length });
        };
        const charts = new MutationObserver(() => {
          if (snapshots.receivedAt.length > afterSnapshotCount && matches()) {
            charts.disconnect();
            requestAnimationFrame(() => finish(performance.now()));
          }
        });
        charts.observe(document.body, { attributes: true, attributeFilter: ['data-total'], childList: true, subtree: true });
        const timer = setTimeout(() => finish(null), timeoutMs);
      });
    },
    /** The floor of any seek: decoding the last snapshot frame (Socket.IO's "42" prefix, then JSON). */
    decodeLastSnapshotMs() {
      const text = snapshots.lastFrameText;
      const started = performance.now();
      const decoded = JSON.parse(text.slice(2));
      const elapsed = performance.now() - started;
      return decoded.length === 2 ? elapsed : null;
    },
    largestSnapshotBytes: () => snapshots.largestFrameBytes,
  };
})();
`;

export const frameRecordingSchema = z.object({ deltasMs: z.array(z.number()), longFramesMs: z.array(z.number()) });
export type FrameRecording = z.infer<typeof frameRecordingSchema>;

export const chartWatchSchema = z.object({ doneAtMs: z.number().nullable(), snapshotAtMs: z.number().nullable(), snapshots: z.number() });
