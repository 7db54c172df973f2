import type { RoomHead } from '@/lib/cluster/roomHead';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayMessage } from '@/lib/replay/replayMessages';

const CLOCK: ReplayClock = {
  status: 'playing',
  positionMs: Date.UTC(2025, 3, 7),
  wallMs: Date.UTC(2026, 0, 1),
  storySecondsPerSecond: 3_600,
  maxGapWallMs: 5_000,
  loop: false,
  startMs: Date.UTC(2025, 3, 1),
  endMs: Date.UTC(2025, 3, 21),
};

/** A clock message numbered `seq`; `mark` (in positionMs) tells apart messages of different writers. */
export const clockMessage = (seq: number, mark = 0): ReplayMessage => ({ kind: 'clock', seq, clock: { ...CLOCK, positionMs: CLOCK.positionMs + mark } });

/** One message of each kind, numbered 1 to 4. */
export function sampleMessages(): ReplayMessage[] {
  return [
    clockMessage(1),
    {
      kind: 'event',
      seq: 2,
      event: {
        id: 'border-clash',
        type: 'statement',
        title: 'Border clash',
        summary: 'A clash at the border.',
        time: { kind: 'point', date: '2025-04-07', precision: 'day', asWritten: 'on Monday' },
        actors: [{ name: 'A. Person', role: 'spokesperson' }],
        quote: { text: 'x', start: 0, end: 1 },
        attribution: 'a test',
        importance: 2,
        tags: ['border'],
      },
    },
    { kind: 'jump', seq: 3, clock: { ...CLOCK, status: 'paused' }, released: 1 },
    { kind: 'presentation', seq: 4, presentation: { ...INITIAL_PRESENTATION, eventId: 'border-clash', blank: true } },
  ];
}

/** A room's head with `released` events out; `mark` (in positionMs) tells heads apart. */
export const sampleHead = (released: number, mark = 0): RoomHead => ({
  scenarioId: 'border-crisis',
  storyVersion: 'v-1a2b3c',
  clock: { ...CLOCK, positionMs: CLOCK.positionMs + mark },
  released,
  presentation: { ...INITIAL_PRESENTATION, eventId: 'border-clash', filter: { types: ['statement'], actors: ['A. Person'] } },
});
