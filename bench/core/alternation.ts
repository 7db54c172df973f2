/**
 * Two servers measured in turns, each leading every other round (A, B, B, A, A, B, …), so that anything else the
 * machine does, and whatever the first window of a round pays, falls on both alike.
 */
export function alternatingOrder<T>(round: number, first: T, second: T): [T, T] {
  return round % 2 === 0 ? [first, second] : [second, first];
}
