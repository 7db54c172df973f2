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
 * Socket.IO's reconnection backoff, after a connection is lost without notice (a crash): attempt n waits
 * RECONNECT_DELAY_MS * 2^n spread by ±RECONNECT_RANDOMIZATION of itself, at most RECONNECT_DELAY_MAX_MS. At 1 every
 * delay is spread over [0, 2 * RECONNECT_DELAY_MS * 2^n] (the first over 0-1 s; Socket.IO's default 0.5 gives
 * 250-750 ms), so screens that lost the server together do not retry together. (After a restart notice the screens
 * do not use it until they are back: every attempt waits restartReconnectDelayMs.)
 */
export const RECONNECT_DELAY_MS = 500;
export const RECONNECT_DELAY_MAX_MS = 5_000;
export const RECONNECT_RANDOMIZATION = 1;
