import { describe, expect, it } from 'vitest';
import {
  ANNOUNCEMENT_INTERVAL_MS,
  announcementFor,
  INITIAL_ANNOUNCER_STATE,
  stepAnnouncer,
  type AnnouncedEvent,
  type AnnouncerInput,
  type AnnouncerState,
  releasedSince,
  type ReleaseObservation,
} from '@/app/roomScreen/detail/liveAnnouncements';

const event = (id: string, type: AnnouncedEvent['type'] = 'strike', date = '2025-04-04', precision: 'day' | 'year' = 'day'): AnnouncedEvent => ({
  id,
  type,
  title: `Title of ${id}`,
  time: { kind: 'point', date, precision, asWritten: 'as written' },
});

const A = event('a');
const B = event('b', 'meeting', '2025-04-19');
const C = event('c', 'background', '2018-01-01', 'year');
const D = event('d', 'claim', '2025-04-24');

const seen = (released: number, seq: number, following = true, change: ReleaseObservation['change'] = 'event'): ReleaseObservation => ({ released, seq, following, change });

describe('releasedSince', () => {
  it('says nothing is released on the first observation: the initial batch is not announced', () => {
    expect(releasedSince(null, seen(2, 5))).toBeNull();
  });

  it('returns the story positions released after the previous ones, one message each', () => {
    expect(releasedSince(seen(1, 3), seen(3, 5))).toEqual({ from: 1, to: 3 });
    expect(releasedSince(seen(0, 1), seen(1, 2))).toEqual({ from: 0, to: 1 });
    // A clock message among the releases: fewer releases than messages is still a stream.
    expect(releasedSince(seen(1, 3), seen(2, 5, true, 'clock'))).toEqual({ from: 1, to: 2 });
  });

  it('returns nothing new when only the clock or the presentation moved', () => {
    expect(releasedSince(seen(2, 3), seen(2, 4, true, 'clock'))).toEqual({ from: 2, to: 2 });
    expect(releasedSince(seen(2, 3), seen(2, 4, true, 'presentation'))).toEqual({ from: 2, to: 2 });
  });

  it.each<[string, ReleaseObservation, ReleaseObservation]>([
    ['the count shrank (a jump back)', seen(3, 5), seen(1, 6, true, 'jump')],
    ['the last change was a jump (a step forward by one)', seen(2, 5), seen(3, 6, true, 'jump')],
    ['the last change was a snapshot (a resync)', seen(2, 5), seen(2, 9, true, 'snapshot')],
    ['the count grew by more than the messages that came (a jump, then a release)', seen(0, 2), seen(3, 4)],
    ['the count shrank, whatever came last', seen(3, 5), seen(2, 8)],
    ['the screen left live', seen(1, 3), seen(2, 4, false)],
    ['the screen came back to live', seen(1, 3, false), seen(2, 4)],
  ])('resets when %s', (_case, previous, next) => {
    expect(releasedSince(previous, next)).toBeNull();
  });
});

describe('announcementFor', () => {
  it('names the type, the title and the date of a single event', () => {
    expect(announcementFor([A])).toBe('New strike: Title of a, 4 Apr 2025');
    expect(announcementFor([C])).toBe('New background event: Title of c, 2018');
  });

  it('counts a batch and names the latest event', () => {
    expect(announcementFor([A, B, D])).toBe('3 new events, latest: Title of d (claim), 24 Apr 2025');
  });

  it('says nothing for no events', () => {
    expect(announcementFor([])).toBe('');
  });
});

/** Runs inputs at given times and records what would be said, and when the driver would be called back. */
function run(steps: [number, AnnouncerInput][]): { said: [number, string][]; nextDueAtMs: number | null; state: AnnouncerState } {
  let state = INITIAL_ANNOUNCER_STATE;
  let nextDueAtMs: number | null = null;
  const said: [number, string][] = [];
  for (const [nowMs, input] of steps) {
    const result = stepAnnouncer(state, input, nowMs);
    state = result.state;
    nextDueAtMs = result.nextDueAtMs;
    if (result.announcement !== null) said.push([nowMs, result.announcement]);
  }
  return { said, nextDueAtMs, state };
}

const appended = (...events: AnnouncedEvent[]): AnnouncerInput => ({ kind: 'appended', events });
const DUE: AnnouncerInput = { kind: 'due' };
const RESET: AnnouncerInput = { kind: 'reset' };

describe('stepAnnouncer', () => {
  it('announces the first new event at once', () => {
    expect(run([[1_000, appended(A)]])).toMatchObject({ said: [[1_000, 'New strike: Title of a, 4 Apr 2025']], nextDueAtMs: null });
  });

  it('holds events released within the interval and asks to be called back when it ends', () => {
    const result = run([
      [1_000, appended(A)],
      [1_200, appended(B)],
      [1_500, appended(C)],
    ]);
    expect(result.said).toHaveLength(1);
    expect(result.nextDueAtMs).toBe(1_000 + ANNOUNCEMENT_INTERVAL_MS);
    expect(result.state.pending).toEqual([B, C]);
  });

  it('batches a fast replay: at most one announcement per interval, naming the latest', () => {
    const result = run([
      [0, appended(A)],
      [100, appended(B)],
      [900, appended(C)],
      [1_999, DUE],
      [2_000, DUE],
      [2_500, appended(D)],
      [4_000, DUE],
    ]);
    expect(result.said).toEqual([
      [0, 'New strike: Title of a, 4 Apr 2025'],
      [2_000, '2 new events, latest: Title of c (background event), 2018'],
      [4_000, 'New claim: Title of d, 24 Apr 2025'],
    ]);
    for (let i = 1; i < result.said.length; i += 1) {
      expect((result.said[i]?.[0] ?? 0) - (result.said[i - 1]?.[0] ?? 0)).toBeGreaterThanOrEqual(ANNOUNCEMENT_INTERVAL_MS);
    }
  });

  it('announces at once again after a quiet interval', () => {
    expect(run([[0, appended(A)], [5_000, appended(B)]]).said.map(([at]) => at)).toEqual([0, 5_000]);
  });

  it('drops pending events silently on a reset, and keeps the pace', () => {
    const result = run([
      [0, appended(A)],
      [500, appended(B)],
      [600, RESET],
      [1_500, appended(C)],
    ]);
    expect(result.said.map(([at]) => at)).toEqual([0]);
    expect(result.state.pending).toEqual([C]);
    expect(result.nextDueAtMs).toBe(2_000);
  });

  it('says nothing when called back with nothing pending', () => {
    expect(run([[0, DUE]])).toEqual({ said: [], nextDueAtMs: null, state: INITIAL_ANNOUNCER_STATE });
  });
});
