/**
 * The one binary search of the code base. `partitionPoint(length, isAfter)` is the first index `i` in [0, length]
 * at which `isAfter(i)` holds, for a predicate that is false and then true along the indices (a sorted list split
 * in two). Every "how many are at or before", "the first that reaches" or "the bin that holds" is this search.
 */
export function partitionPoint(length: number, isAfter: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAfter(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Index of the first element > `value` in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  return partitionPoint(sorted.length, (index) => (sorted[index] as number) > value);
}

/** Index of the first element >= `value` in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  return partitionPoint(sorted.length, (index) => (sorted[index] as number) >= value);
}
