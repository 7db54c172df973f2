import type { StoryEvent } from '../events/schema';
import type { Clock, TimerHandle } from './clock';
import { applyCommand, playheadAt, type ReplayClock, type ReplayCommand, type ReplayErrorCode } from './playbackMachine';
import { INITIAL_PRESENTATION, samePresentation, type Presentation } from './presentation';
import type { ReplayMessageBody } from './replayMessages';
import { releasedCountAt, type Schedule } from './schedule';
import { wallBetween } from './timeMap';

export interface ReplaySettings {
  storySecondsPerSecond: number;
  /** No quiet gap between two events takes longer than this much wall time. */
  maxGapWallMs: number;
  /** Start again from the beginning at the end (the public room loops). */
  loop: boolean;
  /** With `loop`: how long the ended replay holds its final state before starting again. */
  loopHoldWallMs: number;
  /** Start playing at once, or start paused at the first event. */
  autoplay: boolean;
  /** Start from where an earlier run of this replay stood (after a restart), instead of the first event. */
  resumeFrom?: { positionMs: number; presentation: Presentation };
  /**
   * Go on exactly where another player of this room stood (its `snapshot()`, as the room's head keeps it): a node
   * taking the room over. The clock is taken as it is — status, position, wall anchor, rate, gap cap, loop and bounds
   * (the settings' rate, gap cap, loop, autoplay and resumeFrom are not used) — with the released count and the
   * presentation. Nothing is emitted at construction; what fell due since the clock's wall anchor is released at the
   * first wake-up (or snapshot or command), in order, continuing the count, as if the replay had never stopped.
   */
  continueFrom?: ContinueFrom;
}

export interface ContinueFrom {
  clock: ReplayClock;
  released: number;
  presentation: Presentation;
}

/**
 * Longest single timer the player arms. A process sleeping on a timer may be woken late by up to 0.1% of the
 * timeout (Linux epoll slack: 15 ms after a 15 s gap, see docs/performance.md), so a long wait is taken in steps of
 * at most this: each wake-up re-arms for what is left, and a release is late by about a millisecond whatever the gap.
 */
export const MAX_TIMER_WALL_MS = 1_000;

export type CommandResult = { ok: true; changed: boolean } | { ok: false; error: { code: ReplayErrorCode; message: string } };

/**
 * Drives one replay with an injected clock: arms a single timer for the next due release (or the end),
 * releases events when they fall due, and applies commands. Everything it does is reported through `emit`.
 */
export class ReplayPlayer {
  private state: ReplayClock;
  private released: number;
  private timer: TimerHandle | undefined;
  private disposed = false;
  private readonly loopHoldWallMs: number;
  private presentation: Presentation;

  constructor(
    private readonly schedule: Schedule,
    private readonly clock: Clock,
    settings: ReplaySettings,
    private readonly emit: (body: ReplayMessageBody) => void,
  ) {
    this.loopHoldWallMs = settings.loopHoldWallMs;
    const continued = settings.continueFrom;
    if (continued) {
      if (!Number.isSafeInteger(continued.released) || continued.released < 0 || continued.released > schedule.events.length) {
        throw new RangeError(`continueFrom.released must be a whole number from 0 to ${schedule.events.length}, got ${continued.released}`);
      }
      this.state = continued.clock;
      this.released = continued.released;
      this.presentation = continued.presentation;
      this.arm();
      return;
    }
    const startAt = Math.min(schedule.endMs, Math.max(schedule.startMs, settings.resumeFrom?.positionMs ?? schedule.startMs));
    this.presentation = settings.resumeFrom?.presentation ?? INITIAL_PRESENTATION;
    this.state = {
      status: settings.autoplay ? 'playing' : 'paused',
      positionMs: startAt,
      wallMs: clock.now(),
      storySecondsPerSecond: settings.storySecondsPerSecond,
      maxGapWallMs: settings.maxGapWallMs,
      loop: settings.loop,
      startMs: schedule.startMs,
      endMs: schedule.endMs,
    };
    this.released = releasedCountAt(schedule, startAt);
    this.arm();
  }

  get clockState(): ReplayClock {
    return this.state;
  }

  get currentPresentation(): Presentation {
    return this.presentation;
  }

  get releasedCount(): number {
    return this.released;
  }

  /** The clock, how many events are released (after releasing anything already due) and the presentation. */
  snapshot(): ContinueFrom {
    this.catchUp();
    return { clock: this.state, released: this.released, presentation: this.presentation };
  }

  /** Changes what the presenter shows (after releasing what is due); an unchanged presentation emits nothing. */
  present(presentation: Presentation): CommandResult {
    if (this.disposed) return { ok: true, changed: false };
    this.catchUp();
    if (samePresentation(presentation, this.presentation)) return { ok: true, changed: false };
    this.presentation = presentation;
    this.emit({ kind: 'presentation', presentation });
    return { ok: true, changed: true };
  }

  /** The playhead now. */
  position(): number {
    return playheadAt(this.state, this.schedule, this.clock.now());
  }

  command(command: ReplayCommand): CommandResult {
    // A disposed player is silent: no state change, no emission, no timer.
    if (this.disposed) return { ok: true, changed: false };
    this.catchUp();
    const now = this.clock.now();
    const position = this.settledPosition(now);
    const transition = applyCommand(this.state, this.schedule, command, now, position);
    if (!transition.ok) return transition;
    this.state = transition.clock;
    switch (transition.change) {
      case 'none':
        return { ok: true, changed: false };
      case 'clock':
        this.emit({ kind: 'clock', clock: this.state });
        break;
      case 'seek':
        this.released = releasedCountAt(this.schedule, this.state.positionMs);
        this.emit(this.jumpBody());
        break;
    }
    this.arm();
    return { ok: true, changed: true };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Wall time still to wait, at wall instant `now`, until the playing replay reaches `storyMs` (<= 0: reached).
   * Computed relative to `state.wallMs`, never as an absolute wall instant: at epoch magnitudes (~1.9e12 ms) a double
   * resolves only ~0.0002 ms, so `wallMs + wait` would round a sub-millisecond wait away and release an event early.
   */
  private waitFor(storyMs: number, now: number): number {
    return wallBetween(this.schedule, this.state, this.state.positionMs, storyMs) - (now - this.state.wallMs);
  }

  /** The playhead, never behind the last released event (guards against rounding at a release instant). */
  private settledPosition(now: number): number {
    const playhead = playheadAt(this.state, this.schedule, now);
    const lastReleased = this.released > 0 ? (this.schedule.anchorsMs[this.released - 1] as number) : this.state.startMs;
    return Math.min(this.state.endMs, Math.max(playhead, lastReleased));
  }

  /**
   * Releases every event that has fallen due, and handles the end of the story and a looping replay's restart. The
   * end and the restart are stamped with the wall instant they fell due (the one their timer is armed for), not with
   * the instant this runs: a player that goes on after a pause in its timers (continueFrom) says and does exactly what
   * one that never stopped did.
   */
  private catchUp(): void {
    if (this.disposed) return;
    const now = this.clock.now();
    const { anchorsMs, events } = this.schedule;
    let restartedAtMs = Number.NEGATIVE_INFINITY;
    for (;;) {
      if (this.state.status === 'playing') {
        while (this.released < anchorsMs.length && this.waitFor(anchorsMs[this.released] as number, now) <= 0) {
          this.emit({ kind: 'event', event: events[this.released] as StoryEvent });
          this.released++;
        }
        if (this.waitFor(this.state.endMs, now) > 0) return;
        const endedAtMs = Math.min(now, this.dueAt(this.state.endMs));
        this.state = { ...this.state, status: 'ended', positionMs: this.state.endMs, wallMs: endedAtMs };
        this.emit({ kind: 'clock', clock: this.state });
      }
      const restartAtMs = this.state.wallMs + this.loopHoldWallMs;
      // A cycle that takes no wall time at all is left to the timer, one per wake-up, instead of spinning here.
      if (this.state.status !== 'ended' || !this.state.loop || now < restartAtMs || restartAtMs <= restartedAtMs) return;
      this.restart(restartAtMs);
      restartedAtMs = restartAtMs;
    }
  }

  /** The whole wall millisecond at which the playing replay reaches `storyMs`: when a timer armed for it fires. */
  private dueAt(storyMs: number): number {
    return this.state.wallMs + Math.ceil(wallBetween(this.schedule, this.state, this.state.positionMs, storyMs));
  }

  /** A looping replay starts again from the first event, still playing, at wall instant `atMs`. */
  private restart(atMs: number): void {
    this.state = { ...this.state, status: 'playing', positionMs: this.state.startMs, wallMs: atMs };
    this.released = releasedCountAt(this.schedule, this.state.startMs);
    this.emit(this.jumpBody());
  }

  private jumpBody(): ReplayMessageBody {
    return { kind: 'jump', clock: this.state, released: this.released };
  }

  private arm(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    if (this.state.status === 'ended' && this.state.loop) {
      const holdLeftMs = this.loopHoldWallMs - (this.clock.now() - this.state.wallMs);
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.catchUp();
        this.arm();
      }, Math.max(0, Math.ceil(holdLeftMs)));
      return;
    }
    if (this.state.status !== 'playing') return;
    const next = this.schedule.anchorsMs[this.released];
    const target = next === undefined ? this.state.endMs : Math.min(next, this.state.endMs);
    const delayMs = Math.min(MAX_TIMER_WALL_MS, Math.max(0, Math.ceil(this.waitFor(target, this.clock.now()))));
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.catchUp();
      this.arm();
    }, delayMs);
  }
}
