import type { Clock, TimerHandle } from '../replay/clock';
import { LeaseKeeperPolicy, type LeaseState, type LeaseTiming } from './leaseKeeperPolicy';
import type { LeaseFence, RoomLease } from './roomLease';

export type LeaseRenewer = Pick<RoomLease, 'renew' | 'release'>;

export interface RoomLeaseKeeperOptions {
  lease: LeaseRenewer;
  clock: Clock;
  timing: LeaseTiming;
  roomId: string;
  fence: LeaseFence;
  /** The clock read just before the granted acquire was sent. */
  acquiredSentAtMs: number;
  /** Told each time the state changes: 'unsure' = stop publishing (retrying), 'lost' = give the room up. */
  onStateChange?: (state: LeaseState) => void;
  /** Told of each failed renewal (the keeper retries on its own). */
  onRenewalError?: (error: unknown) => void;
}

/**
 * Keeps one room's lease: renews it on the policy's schedule, one renewal at a time, and reports when publishing must
 * stop (the window closed without a confirmed renewal) or the lease is lost. `canPublish()` is the check to make
 * before each publish.
 */
export class RoomLeaseKeeper {
  private readonly policy: LeaseKeeperPolicy;
  private timer: TimerHandle | undefined;
  private inFlight = false;
  private stopped = false;
  private reported: LeaseState = 'publishing';

  constructor(private readonly options: RoomLeaseKeeperOptions) {
    this.policy = new LeaseKeeperPolicy(options.timing, options.acquiredSentAtMs);
    this.report();
    this.schedule();
  }

  canPublish(): boolean {
    return !this.stopped && this.policy.canPublish(this.options.clock.now());
  }

  /** 'lost' too once stopped or released: this node does not keep the lease any more. */
  get state(): LeaseState {
    return this.stopped ? 'lost' : this.policy.state(this.options.clock.now());
  }

  get fence(): LeaseFence {
    return this.options.fence;
  }

  /** Stops renewing and gives the lease up, so that another node may take the room at once (a clean shutdown). */
  async release(): Promise<boolean> {
    this.stop();
    const { lease, roomId, fence } = this.options;
    return lease.release(roomId, fence.nodeId, fence.token);
  }

  /** Stops renewing (the lease then runs out in Redis unless it is released). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const nowMs = this.options.clock.now();
    const renewAtMs = this.policy.nextRenewalAtMs();
    if (renewAtMs === undefined) return;
    // Wake at the next renewal, or earlier when the publishing window closes first (to report it).
    const closesAtMs = this.policy.canPublish(nowMs) ? this.policy.publishUntilMs : Number.POSITIVE_INFINITY;
    const wakeAtMs = this.inFlight ? closesAtMs : Math.min(renewAtMs, closesAtMs);
    if (!Number.isFinite(wakeAtMs)) return;
    this.timer = this.options.clock.setTimeout(() => this.wake(), Math.max(0, wakeAtMs - nowMs));
  }

  private wake(): void {
    this.timer = undefined;
    this.report();
    const renewAtMs = this.policy.nextRenewalAtMs();
    if (!this.inFlight && renewAtMs !== undefined && this.options.clock.now() >= renewAtMs) void this.renew();
    else this.schedule();
  }

  private async renew(): Promise<void> {
    const { lease, clock, roomId, fence, timing } = this.options;
    const sentAtMs = clock.now();
    this.inFlight = true;
    this.schedule();
    try {
      const renewed = await lease.renew(roomId, fence.nodeId, fence.token, timing.ttlMs);
      if (renewed) this.policy.renewed(sentAtMs);
      else this.policy.refusedRenewal();
    } catch (error) {
      this.policy.failed(sentAtMs);
      this.options.onRenewalError?.(error);
    }
    this.inFlight = false;
    if (this.stopped) return;
    this.report();
    this.schedule();
  }

  private report(): void {
    const state = this.policy.state(this.options.clock.now());
    if (state === this.reported) return;
    this.reported = state;
    this.options.onStateChange?.(state);
  }
}

/**
 * Tries to take a room's lease and, when granted, keeps it. The clock is read before the acquire is sent: the lease's
 * window counts from then (see leaseKeeperPolicy.ts). Undefined when another node holds the lease.
 */
export async function acquireAndKeep(
  lease: Pick<RoomLease, 'acquire' | 'renew' | 'release'>,
  options: Omit<RoomLeaseKeeperOptions, 'lease' | 'fence' | 'acquiredSentAtMs'> & { nodeId: string },
): Promise<RoomLeaseKeeper | undefined> {
  const { nodeId, ...rest } = options;
  const acquiredSentAtMs = options.clock.now();
  const grant = await lease.acquire(options.roomId, nodeId, options.timing.ttlMs);
  if (!grant) return undefined;
  return new RoomLeaseKeeper({ ...rest, lease, fence: { nodeId, token: grant.token }, acquiredSentAtMs });
}
