import type { ApiErrorCode } from '../../api/jsonResponses';

/** Longest request target (path and query) served; a longer one is refused with 414. */
export const MAX_REQUEST_TARGET_CHARS = 2_048;
/** Longest single path segment (an id): ids are far shorter. */
export const MAX_PATH_SEGMENT_CHARS = 256;

export type TargetCheck =
  | { ok: true; segments: string[]; path: string }
  | { ok: false; status: 400 | 414; code: ApiErrorCode; message: string };

const refused = (status: 400 | 414, message: string): TargetCheck => ({ ok: false, status, code: status === 414 ? 'uri_too_long' : 'bad_request', message });

// Printable ASCII only: a raw space, control character or byte above 0x7e has no place in a request target.
const NOT_PRINTABLE_ASCII = /[^\x21-\x7e]/;
const BROKEN_PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
// After decoding, a segment must not name a folder (`/`, `\`) or hold control characters (NUL included).
const UNSAFE_DECODED = /[/\\\x00-\x1f\x7f]/;

/**
 * Checks the raw request target before anything parses it: well-formed percent-escapes of valid UTF-8 (an overlong
 * `%C0%AE` is not), no encoded slash or dot segment (traversal), no empty segment, bounded lengths. The query is only
 * checked for length and characters: the routes read it with URLSearchParams, which takes anything.
 */
export function checkRequestTarget(rawTarget: string): TargetCheck {
  if (rawTarget.length > MAX_REQUEST_TARGET_CHARS) return refused(414, `the request target must be at most ${MAX_REQUEST_TARGET_CHARS} characters`);
  if (!rawTarget.startsWith('/')) return refused(400, 'the request target must be a path');
  if (NOT_PRINTABLE_ASCII.test(rawTarget) || rawTarget.includes('#')) return refused(400, 'the request target holds characters it may not');
  const queryAt = rawTarget.indexOf('?');
  const path = queryAt === -1 ? rawTarget : rawTarget.slice(0, queryAt);
  if (BROKEN_PERCENT_ESCAPE.test(path)) return refused(400, 'the path has a malformed percent-escape');
  if (path === '/') return { ok: true, segments: [], path };

  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    if (raw.length > MAX_PATH_SEGMENT_CHARS) return refused(414, `a path segment must be at most ${MAX_PATH_SEGMENT_CHARS} characters`);
    if (raw === '') return refused(400, 'the path has an empty segment');
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return refused(400, 'the path has a percent-escape that is not UTF-8 (or an overlong one)');
    }
    if (UNSAFE_DECODED.test(decoded)) return refused(400, 'the path has an encoded slash, backslash or control character');
    if (decoded === '.' || decoded === '..') return refused(400, 'the path has a dot segment');
    segments.push(decoded);
  }
  return { ok: true, segments, path };
}
