import { describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayMessageBody } from '@/lib/replay/replayMessages';
import { ReplayPlayer, type ContinueFrom, type ReplaySettings } from '@/lib/replay/replayPlayer';
import { buildSchedule } from '@/lib/replay/schedule';
import { A, DAY_PER_10S, DEFAULT_SETTINGS, STORY, WALL, WALL0 } from './fixtures';

/** The room's clock as another node left it: playing at 1 day per 10 s from the first event, anchored at WALL0. */
const CLOCK: ReplayClock = {
  status: 'playing',
  positionMs: A.covenant,
  wallMs: WALL0,
  storySecondsPerSecond: DAY_PER_10S,
  maxGapWallMs: 60_000,
  loop: false,
  startMs: A.covenant,
  endMs: A.end,
};
const PRESENTATION = { ...INITIAL_PRESENTATION, chart: 'reported-deaths', eventId: 'border-clash' } as const;

/** A player that goes on from `from`, created at WALL0 + `nowOffsetMs`. */
function continueAt(nowOffsetMs: number, from: Partial<Omit<ContinueFrom, 'clock'>> & { clock?: Partial<ReplayClock> }, settings: Partial<ReplaySettings> = {}) {
  const clock = new ManualClock(WALL0 + nowOffsetMs);
  const bodies: ReplayMessageBody[] = [];
  const continueFrom: ContinueFrom = { released: 1, presentation: PRESENTATION, ...from, clock: { ...CLOCK, ...from.clock } };
  const player = new ReplayPlayer(buildSchedule(STORY), clock, { ...DEFAULT_SETTINGS, ...settings, continueFrom }, (body) => bodies.push(body));
  const eventIds = () => bodies.flatMap((b) => (b.kind === 'event' ? [b.event.id] : []));
  return { clock, bodies, player, eventIds, advanceTo: (offsetMs: number) => clock.advanceTo(WALL0 + offsetMs) };
}

describe('ReplayPlayer continueFrom', () => {
  it('starts with exactly the given clock, count and presentation, and emits nothing at construction', () => {
    const { player, bodies, clock } = continueAt(95_000, {});
    expect(bodies).toEqual([]);
    expect(player.clockState).toEqual(CLOCK);
    expect(player.releasedCount).toBe(1);
    expect(player.currentPresentation).toEqual(PRESENTATION);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('releases what fell due since the wall anchor at the first wake-up, in order, continuing the count', () => {
    const { player, clock, eventIds, advanceTo } = continueAt(95_000, {});
    clock.advance(0);
    expect(eventIds()).toEqual(['border-clash', 'ceasefire-call', 'envoy-visit']);
    expect(player.releasedCount).toBe(4);
    advanceTo(WALL.talks - 1);
    expect(eventIds()).toHaveLength(3);
    advanceTo(WALL.talks);
    expect(eventIds().slice(3)).toEqual(['talks-open', 'strike-wave']);
  });

  it('releases what is due before a snapshot, a command or a presentation answers', () => {
    const viaSnapshot = continueAt(75_000, {});
    expect(viaSnapshot.player.snapshot().released).toBe(3);
    const viaPresent = continueAt(75_000, {});
    viaPresent.player.present(INITIAL_PRESENTATION);
    expect(viaPresent.bodies.map((b) => b.kind)).toEqual(['event', 'event', 'presentation']);
  });

  it('from a paused clock emits nothing, and arms nothing, until played', () => {
    const { player, bodies, clock, eventIds } = continueAt(1_000_000, { clock: { status: 'paused', positionMs: A.ceasefire, wallMs: WALL0 + 5_000 }, released: 3 });
    clock.advance(500_000);
    expect(bodies).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
    expect(player.command({ type: 'play' })).toEqual({ ok: true, changed: true });
    expect(bodies).toEqual([{ kind: 'clock', clock: { ...CLOCK, positionMs: A.ceasefire, wallMs: clock.now() } }]);
    clock.advance(WALL.envoy - WALL.ceasefire);
    expect(eventIds()).toEqual(['envoy-visit']);
  });

  it('with a released count ahead of the due count re-releases nothing, and goes on from the count', () => {
    // Five released (up to talks-open) while the playhead, at border-clash, has only two due.
    const { eventIds, advanceTo } = continueAt(WALL.clash, { clock: { positionMs: A.clash, wallMs: WALL0 + WALL.clash }, released: 5 });
    advanceTo(WALL.talks - 1);
    expect(eventIds()).toEqual([]);
    advanceTo(WALL.talks);
    expect(eventIds()).toEqual(['strike-wave']);
    advanceTo(WALL.end);
    expect(eventIds()).toEqual(['strike-wave', 'aid-claim', 'final-statement']);
  });

  it("takes the rate, gap cap, loop and bounds from the clock (the room's own), not from the settings", () => {
    const { bodies, eventIds, advanceTo } = continueAt(0, { clock: { positionMs: A.clash, storySecondsPerSecond: 86_400, loop: true }, released: 2 }, { loop: false, storySecondsPerSecond: 1, loopHoldWallMs: 2_000 });
    advanceTo(1_000);
    expect(eventIds()).toEqual(['ceasefire-call']);
    advanceTo(14_000); // 14 days at 1 day per second: the end
    expect(bodies.at(-1)).toEqual({ kind: 'clock', clock: { ...CLOCK, storySecondsPerSecond: 86_400, loop: true, status: 'ended', positionMs: A.end, wallMs: WALL0 + 14_000 } });
    advanceTo(16_000); // the settings' hold, then around again (the clock loops)
    expect(bodies.at(-1)).toMatchObject({ kind: 'jump', released: 1, clock: { status: 'playing', positionMs: A.covenant, wallMs: WALL0 + 16_000 } });
  });

  it("from an ended looping clock restarts when the hold since the clock's end is over, stamped with that instant", () => {
    const ended = { status: 'ended', positionMs: A.end, wallMs: WALL0, loop: true } as const;
    const partway = continueAt(3_000, { clock: ended, released: 8 }, { loopHoldWallMs: 5_000 });
    partway.advanceTo(4_999);
    expect(partway.bodies).toEqual([]);
    partway.advanceTo(5_000);
    expect(partway.bodies).toEqual([{ kind: 'jump', released: 1, clock: { ...CLOCK, loop: true, wallMs: WALL0 + 5_000 } }]);

    // Long after: the restart at the end of the hold, then what fell due since.
    const late = continueAt(5_000 + WALL.clash, { clock: ended, released: 8 }, { loopHoldWallMs: 5_000 });
    late.clock.advance(0);
    expect(late.bodies.map((b) => b.kind)).toEqual(['jump', 'event']);
    expect(late.bodies[0]).toMatchObject({ clock: { wallMs: WALL0 + 5_000 } });
    expect(late.eventIds()).toEqual(['border-clash']);
  });

  it('across the end of a playing clock: the end is stamped with the instant it fell due', () => {
    const { bodies, clock } = continueAt(WALL.end + 3_000, { clock: { positionMs: A.final, wallMs: WALL0 + WALL.final }, released: 8 });
    clock.advance(0);
    expect(bodies).toEqual([{ kind: 'clock', clock: { ...CLOCK, status: 'ended', positionMs: A.end, wallMs: WALL0 + WALL.end } }]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('refuses a released count that is not a whole number of the story', () => {
    for (const released of [-1, 1.5, STORY.length + 1, Number.NaN]) expect(() => continueAt(0, { released })).toThrow(RangeError);
  });
});
