/**
 * When to reconnect after the server announced a restart (`server:restarting`): a uniformly random delay in
 * [0, windowMs), so that the screens of a restarting server come back spread over the window instead of at once.
 * `random` returns a number in [0, 1) (Math.random in the app, a seeded source in tests).
 */
export function restartReconnectDelayMs(windowMs: number, random: () => number): number {
  if (!(windowMs > 0)) return 0;
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(draw * windowMs), Math.ceil(windowMs) - 1);
}

/**
 * Socket.IO's reconnection backoff, after a connection is lost without notice (a crash) and after a failed attempt
 * once the restart delay is over: attempt n waits RECONNECT_DELAY_MS * 2^n spread by ±RECONNECT_RANDOMIZATION of
 * itself, at most RECONNECT_DELAY_MAX_MS. At 1 every delay is spread over [0, 2 * RECONNECT_DELAY_MS * 2^n] (the
 * first over 0-1 s), so screens that lost the server together do not retry together: with 1,000 screens and a
 * server down longer than the restart window, ±0.5 (Socket.IO's default) brought them back with a p10-p90 spread of
 * 2 s, ±1 of 3.2-3.7 s (tests/integration/restartStorm.test.ts).
 */
export const RECONNECT_DELAY_MS = 500;
export const RECONNECT_DELAY_MAX_MS = 5_000;
export const RECONNECT_RANDOMIZATION = 1;
