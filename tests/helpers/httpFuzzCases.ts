import { pick, weighted } from '@/lib/synthetic/random';
import type { RawRequest } from './rawHttp';

/** One hostile request of the HTTP fuzz, with a label that says what was done to it. */
export interface FuzzCase extends RawRequest {
  method: string;
  label: string;
  headers: Record<string, string>;
}

type Random = () => number;
const randomInt = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Path segments that break escapes, encode slashes or dots, smuggle control bytes or are merely odd. */
const HOSTILE_SEGMENTS: readonly string[] = [
  '%', '%zz', '%G0', '%4', '%C0%AE', '%C0%AE%C0%AE%2Fetc', '%E0%80%AF', '%ED%A0%80', '%FF', '%C3', '..', '.', '%2e%2e',
  '%2E', '..%2F..%2Fetc%2Fpasswd', '%2F', '%2f', '%5C', '..%5C..%5C', '%00', 'a%00b', '%0d%0aSet-Cookie:%20x=1', '%09',
  '%E2%9C%93', '%F0%9F%98%80', 'é', '😀', 'ﬁ', '%3Cscript%3E', '__proto__', 'constructor', 'prototype', 'live', 'null',
  '-1', '1e309', '%25', '%2525', ';', ',', "'", '"', '`', '~', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(257),
];

const QUERY_JUNK: readonly string[] = [
  '?%', '?%zz=%C0%AE', '?__proto__[polluted]=1', '?constructor[prototype][polluted]=1', '?expectedVersion=-1',
  '?expectedVersion=1e999', '?expectedVersion=__proto__', `?a=${'b'.repeat(3_000)}`, '?&&&==', '?%00', '?a[]=1&a[]=2',
  '?expectedVersion=1&expectedVersion=2', '??', '?#',
];

/** The route's path with its parameters filled, then broken in one or two ways. */
export function hostileTarget(random: Random, pattern: string, params: Record<string, string>): { target: string; label: string } {
  let segments = pattern.split('/').filter(Boolean).map((part) => (part.startsWith('[') ? (params[part.slice(1, -1)] ?? 'x') : part));
  // Two requests in five keep a well-formed path, so that their bodies reach the routes' own checks.
  const mutation = weighted(random, { none: 8, param: 3, append: 2, empty: 1, traversal: 2, huge: 1, replaceAny: 3 });
  const segment = pick(random, HOSTILE_SEGMENTS);
  const at = randomInt(random, 0, Math.max(0, segments.length - 1));
  switch (mutation) {
    case 'none':
      break;
    case 'param': {
      const paramAt = pattern.split('/').filter(Boolean).findIndex((part) => part.startsWith('['));
      segments[paramAt === -1 ? at : paramAt] = segment;
      break;
    }
    case 'append':
      segments.push(segment);
      break;
    case 'empty':
      segments.splice(at, 0, '');
      break;
    case 'traversal':
      segments = [...segments.slice(0, at), segment, '..', ...segments.slice(at)];
      break;
    case 'huge':
      segments[at] = 'x'.repeat(randomInt(random, 200, 12_000));
      break;
    case 'replaceAny':
      segments[at] = segment;
      break;
  }
  const query = random() < 0.3 ? pick(random, QUERY_JUNK) : '';
  const shown = mutation === 'huge' ? `${segments[at]?.length}-character segment` : segment;
  return { target: `/${segments.join('/')}${query}`, label: `${mutation} ${mutation === 'none' ? '' : shown}${query ? ` query ${query.slice(0, 40)}` : ''}` };
}

const depth = (random: Random, open: string, close: string, inner: string) => {
  const n = randomInt(random, 50, 600);
  return open.repeat(n) + inner + close.repeat(n);
};

/** Bodies of every wrong kind: junk, prototype keys, deep nesting, wrong types, huge strings, odd unicode. */
const BODIES: readonly ((random: Random) => string)[] = [
  () => '{',
  () => '[',
  () => 'undefined',
  () => "{'a':1}",
  () => '\u0000\u0001\u0002',
  () => 'null',
  () => '[]',
  () => '"x"',
  () => '1e999',
  () => '{}',
  () => '{"__proto__":{"polluted":1}}',
  () => '{"constructor":{"prototype":{"polluted":1}}}',
  () => '{"scenarioId":"replay-small","__proto__":{"polluted":true}}',
  () => '{"moment":{"__proto__":{"polluted":1}},"expectedVersion":0}',
  () => '{"patch":{"constructor":{"prototype":{"polluted":1}}}}',
  (random) => depth(random, '[', ']', '1'),
  (random) => depth(random, '{"a":', '}', '1'),
  () => JSON.stringify({ scenarioId: 123 }),
  () => JSON.stringify({ scenarioId: ['x'] }),
  () => JSON.stringify({ moment: 'x' }),
  () => JSON.stringify({ momentIds: 'x' }),
  () => JSON.stringify({ momentIds: [1, 2] }),
  () => JSON.stringify({ patch: null }),
  () => JSON.stringify({ patch: { note: 5 }, expectedVersion: -1 }),
  () => JSON.stringify({ momentIds: [], expectedVersion: 1e308 }),
  () => JSON.stringify({ moment: { note: 'x' }, atIndex: -5 }),
  () => JSON.stringify({ scenarioId: 'a'.repeat(4_000) }),
  () => JSON.stringify({ scenarioId: 'a'.repeat(5_000) }),
  () => JSON.stringify({ note: 'é'.repeat(2_100) }),
  () => '{"scenarioId":"\\ud800"}',
  () => JSON.stringify({ scenarioId: '😀' }),
  () => JSON.stringify({ scenarioId: 'replay-small' }),
];

const CONTENT_TYPES: readonly (string | undefined)[] = [
  'text/plain', undefined, 'application/json; charset=utf-16', 'application/jsonx', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
];

export function hostileBody(random: Random): { body: string; label: string; headers: Record<string, string> } {
  const index = randomInt(random, 0, BODIES.length - 1);
  const body = (BODIES[index] as (random: Random) => string)(random);
  const type = random() < 0.7 ? 'application/json' : pick(random, CONTENT_TYPES);
  return { body, label: `body #${index} (${body.length} chars) as ${type ?? 'no type'}`, headers: type === undefined ? {} : { 'content-type': type } };
}
