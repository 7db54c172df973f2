/**
 * Approximate substring search: the passage of a text closest to a pattern in edit distance (insertions, deletions
 * and substitutions of UTF-16 code units each cost 1). Exact search first; then a semi-global edit-distance scan —
 * over the whole text when it is small, otherwise only in bands around diagonals where pieces of the pattern
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
const FULL_SCAN_CELLS = 1_000_000;
/** Length of the verbatim pieces of the pattern looked up to find where it might stand. */
const SEED_CHARS = 8;
/** A piece found more often than this says nothing about where the pattern stands (" of the "). */
const MAX_SEED_HITS = 16;
/**
 * How far (in diagonals) a band reaches on each side of a candidate diagonal: 1/8 of the pattern's length, within
 * these bounds. A passage that drifts further (a quote missing hundreds of characters) is not found whole.
 */
const MIN_BAND_CHARS = 32;
const MAX_BAND_CHARS = 128;
/** A diagonal with fewer than 1/4 of the best one's votes is a chance hit, not worth a scan. */
const MIN_VOTE_SHARE_DIVISOR = 4;
/** How many candidate diagonals get a band scanned. */
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
 * Row i (pattern index) covers text indices `max(0, i + lo) … min(n, i + hi)`: the whole text, or a band around a
 * diagonal. Two rows of costs plus, for each cell, where its passage starts. Ties: see `isNearer`.
 */
function scan(pattern: string, text: string, lo: number, hi: number, near: number): ApproximateMatch | null {
  const m = pattern.length;
  const n = text.length;
  const width = hi - lo + 1;
  let prev = new Int32Array(width);
  let prevStart = new Int32Array(width);
  let cur = new Int32Array(width);
  let curStart = new Int32Array(width);
  for (let j = Math.max(0, lo); j <= Math.min(n, hi); j++) {
    prevStart[j - lo] = j;
  }
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    const first = Math.max(0, i + lo);
    const last = Math.min(n, i + hi);
    const shift = i + lo;
    for (let j = first; j <= last; j++) {
      const k = j - shift;
      if (j === 0) {
        cur[k] = i;
        curStart[k] = 0;
        continue;
      }
      let cost = (prev[k] as number) + (p === text.charCodeAt(j - 1) ? 0 : 1);
      let start = prevStart[k] as number;
      if (j < i + hi && (prev[k + 1] as number) + 1 < cost) {
        cost = (prev[k + 1] as number) + 1;
        start = prevStart[k + 1] as number;
      }
      if (j > first && (cur[k - 1] as number) + 1 < cost) {
        cost = (cur[k - 1] as number) + 1;
        start = curStart[k - 1] as number;
      }
      cur[k] = cost;
      curStart[k] = start;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best: ApproximateMatch | null = null;
  for (let j = Math.max(0, m + lo); j <= Math.min(n, m + hi); j++) {
    const k = j - m - lo;
    const candidate = { start: prevStart[k] as number, end: j, distance: prev[k] as number };
    if (!best || candidate.distance < best.distance || (candidate.distance === best.distance && isNearer(candidate, best, near, m))) {
      best = candidate;
    }
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

/**
 * Diagonals (text index − pattern index) on which verbatim pieces of the pattern line up, most voted first, each
 * more than `spread` away from those before it; chance hits (few votes next to the best) left out.
 */
function candidateDiagonals(text: string, pattern: string, spread: number): number[] {
  const votes = new Map<number, number>();
  const seed = Math.min(SEED_CHARS, pattern.length);
  for (let q = 0; q + seed <= pattern.length; q += Math.max(1, Math.floor(seed / 2))) {
    const hits = occurrences(text, pattern.slice(q, q + seed), MAX_SEED_HITS + 1);
    if (hits.length > MAX_SEED_HITS) continue;
    for (const at of hits) votes.set(at - q, (votes.get(at - q) ?? 0) + 1);
  }
  const chosen: number[] = [];
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const fewestVotes = (ranked[0]?.[1] ?? 0) / MIN_VOTE_SHARE_DIVISOR;
  for (const [diagonal, count] of ranked) {
    if (chosen.length === MAX_WINDOWS || count < fewestVotes) break;
    if (chosen.every((other) => Math.abs(other - diagonal) > spread)) chosen.push(diagonal);
  }
  return chosen;
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
  if (pattern.length * text.length <= FULL_SCAN_CELLS) return scan(pattern, text, -pattern.length, text.length, near);

  const band = Math.min(MAX_BAND_CHARS, Math.max(MIN_BAND_CHARS, Math.ceil(pattern.length / 8)));
  let best: ApproximateMatch | null = null;
  for (const diagonal of candidateDiagonals(text, pattern, band)) {
    const found = scan(pattern, text, diagonal - band, diagonal + band, near);
    if (found && (!best || found.distance < best.distance || (found.distance === best.distance && isNearer(found, best, near, pattern.length)))) {
      best = found;
    }
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
