/**
 * When the owner of a room renews its lease, and whether it may publish — pure: every instant is passed in (epoch ms
 * of the node's own clock).
 *
 * The timing argument. The node reads its clock (`sentAtMs`) BEFORE it sends an acquire or a renew. Redis runs the
 * command later, at some instant e ≥ sentAtMs, and sets the expiry to e + ttl: nobody else can acquire the lease
 * before e + ttl by Redis's clock. The node publishes only while its own clock reads less than
 * sentAtMs + ttl − safetyMargin, counting from the send of the last renewal that Redis CONFIRMED (a renewal that is
 * not answered, or answered with an error, extends nothing). So the node stops at least `safetyMargin` before the
 * earliest instant another node could take over, provided the margin covers
 *   - the drift between the two clocks' rates over one ttl (2 · ρ · ttl: 1 ms for ρ = 100 ppm and ttl = 5 s), and
 *   - the delay between a "may publish" check and the publish leaving the node (event-loop stalls).
 * Counting from the send, not from the answer, makes a slow answer shorten the node's window, never lengthen it.
 *
 * This is the first line only: a pause longer than the margin (a stop-the-world GC, a frozen VM) can still let a node
 * act on a stale "yes". The guarantee is the fencing token: every write of the owner (the log append, saved state)
 * is checked in the store against the current holder and token, and the node broadcasts only what the fenced append
 * accepted — so whatever a stale node sends late is a message the log really holds under its seq, never a fork.
 *
 * A renewal answered `false` means the lease is not this node's any more: lost for good (a new acquire gives a new
 * token). An error (Redis unreachable) only withholds the confirmation: the node stops publishing when its window
 * closes and keeps retrying; a later successful renewal proves nobody took the lease in between (renew compares
 * node and token, and acquire needs the key absent), so publishing may resume.
 */
export interface LeaseTiming {
  ttlMs: number;
  /** A renewal is sent this long after the send of the last confirmed one. */
  renewEveryMs: number;
  /** After a failed renewal, the next try comes this long after the failed one was sent. */
  retryEveryMs: number;
  /** Publishing stops this long before the lease could expire in Redis. */
  safetyMarginMs: number;
}

/** A takeover needs the lease to expire: with a dead owner, another node takes over within about this (plus its polling). */
export const DEFAULT_ROOM_LEASE_TTL_MS = 3_000;

/** Renew every third of the ttl; retry every tenth after a failure; stop publishing a sixth of the ttl early. */
export function leaseTiming(ttlMs = DEFAULT_ROOM_LEASE_TTL_MS, overrides: Partial<Omit<LeaseTiming, 'ttlMs'>> = {}): LeaseTiming {
  const timing: LeaseTiming = {
    ttlMs,
    renewEveryMs: Math.floor(ttlMs / 3),
    retryEveryMs: Math.max(1, Math.floor(ttlMs / 10)),
    safetyMarginMs: Math.floor(ttlMs / 6),
    ...overrides,
  };
  const { renewEveryMs, retryEveryMs, safetyMarginMs } = timing;
  if (!(renewEveryMs > 0 && retryEveryMs > 0 && safetyMarginMs >= 0)) throw new RangeError('Lease timing: intervals must be positive');
  // A renewal must have a chance to be confirmed before the window closes, or the node would flap.
  if (renewEveryMs + safetyMarginMs >= ttlMs) throw new RangeError(`Lease timing: renewEveryMs + safetyMarginMs must be below ttlMs (${ttlMs})`);
  return timing;
}

export type LeaseState = 'publishing' | 'unsure' | 'lost';

export class LeaseKeeperPolicy {
  private confirmedSentAtMs: number;
  private lastAttemptSentAtMs: number;
  private lastAttemptFailed = false;
  private refused = false;

  /** `acquiredSentAtMs`: the node's clock read just before it sent the acquire that was granted. */
  constructor(
    readonly timing: LeaseTiming,
    acquiredSentAtMs: number,
  ) {
    this.confirmedSentAtMs = acquiredSentAtMs;
    this.lastAttemptSentAtMs = acquiredSentAtMs;
  }

  /** The last instant (exclusive) at which this node may still publish, unless a renewal is confirmed first. */
  get publishUntilMs(): number {
    return this.confirmedSentAtMs + this.timing.ttlMs - this.timing.safetyMarginMs;
  }

  canPublish(nowMs: number): boolean {
    return !this.refused && nowMs < this.publishUntilMs;
  }

  state(nowMs: number): LeaseState {
    if (this.refused) return 'lost';
    return this.canPublish(nowMs) ? 'publishing' : 'unsure';
  }

  /** When the next renewal should be sent (undefined once lost). */
  nextRenewalAtMs(): number | undefined {
    if (this.refused) return undefined;
    return this.lastAttemptFailed
      ? this.lastAttemptSentAtMs + this.timing.retryEveryMs
      : this.confirmedSentAtMs + this.timing.renewEveryMs;
  }

  /** A renewal sent at `sentAtMs` was confirmed by Redis. */
  renewed(sentAtMs: number): void {
    this.lastAttemptSentAtMs = Math.max(this.lastAttemptSentAtMs, sentAtMs);
    this.confirmedSentAtMs = Math.max(this.confirmedSentAtMs, sentAtMs);
    this.lastAttemptFailed = false;
  }

  /** Redis answered that the lease is not this node's (with this token) any more. */
  refusedRenewal(): void {
    this.refused = true;
  }

  /** A renewal sent at `sentAtMs` got no answer (error or timeout): nothing is extended. */
  failed(sentAtMs: number): void {
    this.lastAttemptSentAtMs = Math.max(this.lastAttemptSentAtMs, sentAtMs);
    this.lastAttemptFailed = true;
  }
}
