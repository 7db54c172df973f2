/**
 * Approximate substring search: the passage of a text closest to a pattern in edit distance (insertions, deletions
 * and substitutions of UTF-16 code units each cost 1). Exact search first; then a semi-global edit-distance scan —
 * over the whole text when it is small, otherwise only in windows around diagonals where pieces of the pattern
 * occur verbatim, so a 2,000-character quote is placed in a long article in milliseconds rather than seconds.
 */

export interface ApproximateMatch {
  /** The passage is `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Edits turning the pattern into the passage (0: found verbatim). */
  distance: number;
}

/** Up to this many cells (pattern length × text length), the whole text is scanned. */
const FULL_SCAN_CELLS = 3_000_000;
/** Length of the verbatim pieces of the pattern looked up to find where it might stand. */
const SEED_CHARS = 8;
/** A piece found more often than this says nothing about where the pattern stands (" of the "). */
const MAX_SEED_HITS = 16;
/** How many candidate windows get the full scan. */
const MAX_WINDOWS = 4;

/** Every index where `pattern` occurs in `text` (overlapping occurrences included), at most `limit` of them. */
export function occurrences(text: string, pattern: string, limit = Infinity): number[] {
  const found: number[] = [];
  if (pattern === '') return found;
  for (let at = text.indexOf(pattern); at !== -1 && found.length < limit; at = text.indexOf(pattern, at + 1)) found.push(at);
  return found;
}

/**
 * Semi-global alignment: the pattern must be used whole, the passage may start and end anywhere in `text`.
 * Two rows of costs plus, for each cell, where its passage starts. Ties: see `isNearer`.
 */
function scan(pattern: string, text: string, offset: number, near: number): ApproximateMatch {
  const m = pattern.length;
  const n = text.length;
  let prev = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j;
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      let cost = (prev[j - 1] as number) + (p === text.charCodeAt(j - 1) ? 0 : 1);
      let start = prevStart[j - 1] as number;
      const skipPattern = (prev[j] as number) + 1;
      if (skipPattern < cost) {
        cost = skipPattern;
        start = prevStart[j] as number;
      }
      const skipText = (cur[j - 1] as number) + 1;
      if (skipText < cost) {
        cost = skipText;
        start = curStart[j - 1] as number;
      }
      cur[j] = cost;
      curStart[j] = start;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best: ApproximateMatch = { start: offset, end: offset, distance: m };
  for (let j = 0; j <= n; j++) {
    const distance = prev[j] as number;
    const candidate = { start: offset + (prevStart[j] as number), end: offset + j, distance };
    if (distance < best.distance || (distance === best.distance && isNearer(candidate, best, near, m))) best = candidate;
  }
  return best;
}

/** Between two equally close passages: the one nearer `near`, then the one whose length is nearer the pattern's. */
function isNearer(a: ApproximateMatch, b: ApproximateMatch, near: number, length: number): boolean {
  const da = Math.abs(a.start - near);
  const db = Math.abs(b.start - near);
  if (da !== db) return da < db;
  return Math.abs(a.end - a.start - length) < Math.abs(b.end - b.start - length);
}

/** Diagonals (text index − pattern index) on which verbatim pieces of the pattern line up, most voted first. */
function candidateDiagonals(text: string, pattern: string, bucketChars: number): number[] {
  const votes = new Map<number, number>();
  const seed = Math.min(SEED_CHARS, pattern.length);
  for (let q = 0; q + seed <= pattern.length; q += Math.max(1, Math.floor(seed / 2))) {
    const hits = occurrences(text, pattern.slice(q, q + seed), MAX_SEED_HITS + 1);
    if (hits.length > MAX_SEED_HITS) continue;
    for (const at of hits) {
      const bucket = Math.floor((at - q) / bucketChars);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  return [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_WINDOWS)
    .map(([bucket]) => bucket * bucketChars);
}

/**
 * The passage of `text` closest to `pattern`, or null when the text is too long to scan whole and no piece of the
 * pattern occurs in it. `near` (an index into `text`) breaks ties between equally close passages.
 */
export function nearestMatch(text: string, pattern: string, near = 0): ApproximateMatch | null {
  if (pattern === '') return null;
  const exact = occurrences(text, pattern);
  if (exact.length > 0) {
    const start = exact.reduce((best, at) => (Math.abs(at - near) < Math.abs(best - near) ? at : best));
    return { start, end: start + pattern.length, distance: 0 };
  }
  if (pattern.length * text.length <= FULL_SCAN_CELLS) return scan(pattern, text, 0, near);

  const band = Math.max(32, Math.ceil(pattern.length / 4));
  let best: ApproximateMatch | null = null;
  for (const diagonal of candidateDiagonals(text, pattern, band)) {
    const from = Math.max(0, diagonal - band);
    const to = Math.min(text.length, diagonal + pattern.length + 2 * band);
    if (to <= from) continue;
    const found = scan(pattern, text.slice(from, to), from, near);
    if (!best || found.distance < best.distance || (found.distance === best.distance && isNearer(found, best, near, pattern.length))) best = found;
  }
  return best;
}

/** Beyond this many edits, the differences between a pattern and its passage are not worth aligning. */
const MAX_ALIGNED_DISTANCE = 300;

/**
 * The pairs of equal code units `[indexInA, indexInB]` of an optimal global alignment of `a` and `b`, given their
 * edit distance (which bounds how far the alignment strays from the diagonal); null when `distance` is too large.
 */
export function alignedPairs(a: string, b: string, distance: number): Array<[number, number]> | null {
  if (distance > MAX_ALIGNED_DISTANCE) return null;
  const k = Math.max(distance, Math.abs(a.length - b.length));
  const width = 2 * k + 1;
  const FAR = 1 << 30;
  const cost = new Int32Array((a.length + 1) * width).fill(FAR);
  const at = (i: number, j: number): number => (Math.abs(j - i) > k || j < 0 ? FAR : (cost[i * width + j - i + k] as number));
  for (let i = 0; i <= a.length; i++) {
    for (let j = Math.max(0, i - k); j <= Math.min(b.length, i + k); j++) {
      let best = i === 0 ? j : j === 0 ? i : FAR;
      if (i > 0 && j > 0) best = Math.min(best, at(i - 1, j - 1) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      if (i > 0) best = Math.min(best, at(i - 1, j) + 1);
      if (j > 0) best = Math.min(best, at(i, j - 1) + 1);
      cost[i * width + j - i + k] = best;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const here = at(i, j);
    const same = i > 0 && j > 0 && a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
    if (i > 0 && j > 0 && at(i - 1, j - 1) + (same ? 0 : 1) === here) {
      if (same) pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (i > 0 && at(i - 1, j) + 1 === here) i--;
    else j--;
  }
  return pairs.reverse();
}
