import { pick, weighted, randomInt, type Random } from '@/lib/synthetic/random';

export type { Random };

/** Keys that mean something to JavaScript objects; sent as own keys (as JSON.parse makes them on the server). */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

/** Numbers that break naive code. NaN and the infinities travel as null in JSON. */
const JUNK_NUMBERS = [0, -0, -1, 1, 1.5, -0.5, 0.1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 2 ** 60, -(2 ** 60), 1e308, -1e308, 5e-324, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** Strings that look like numbers, dates, names or control characters. */
const JUNK_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'play',
  'seek',
  'live',
  'replay:control',
  '2025-03-06T00:00:00Z',
  '2025-02-30T00:00:00Z',
  '\u0000',
  '\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(20),
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00%2e%2e',
  "'; DROP TABLE rooms; --",
];

/** Sets `key` as an own, enumerable property, even `__proto__` (which an object literal would treat as the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function junkNumber(random: Random): number {
  const base = pick(random, JUNK_NUMBERS);
  return random() < 0.3 ? (random() - 0.5) * 10 ** randomInt(random, 20) : base;
}

/** A string: a tricky one, a random one, or a long one (up to `maxLength` characters). */
export function junkString(random: Random, maxLength = 12_000): string {
  const kind = weighted(random, { tricky: 5, random: 3, long: 1 });
  if (kind === 'tricky') return pick(random, JUNK_STRINGS);
  if (kind === 'random') return Array.from({ length: randomInt(random, 40) }, () => String.fromCharCode(32 + randomInt(random, 95))).join('');
  return pick(random, ['x', 'é', '9', '\u0000', 'ab']).repeat(1 + randomInt(random, maxLength / 2));
}

/** `{ a: { a: ... leaf } }` or `[[...leaf]]`, `depth` levels deep. */
export function nested(depth: number, asArray: boolean, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

export function junkObject(random: Random, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const keys = randomInt(random, 5);
  for (let i = 0; i < keys; i++) {
    const key = random() < 0.3 ? pick(random, PROTOTYPE_KEYS) : random() < 0.5 ? pick(random, ['type', 'to', 'seq', 'lastSeq', 'epoch', 'commandId', 'a']) : junkString(random, 64);
    setOwn(object, key, junkValue(random, depth + 1));
  }
  return object;
}

/**
 * Any value a client could put in a message: numbers, strings, booleans, null, undefined, arrays, objects with
 * prototype keys, deep nesting, binary. Kept well under the 64 KB frame limit (the limit has its own test).
 */
export function junkValue(random: Random, depth = 0): unknown {
  const shallow = depth >= 3;
  const kind = weighted(random, {
    number: 4,
    string: 4,
    boolean: 1,
    null: 1,
    undefined: 1,
    array: shallow ? 0 : 2,
    object: shallow ? 0 : 3,
    deep: depth === 0 ? 1 : 0,
    binary: 1,
  });
  switch (kind) {
    case 'number':
      return junkNumber(random);
    case 'string':
      return junkString(random, depth === 0 ? 12_000 : 2_000);
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'array':
      return Array.from({ length: randomInt(random, 5) }, () => junkValue(random, depth + 1));
    case 'object':
      return junkObject(random, depth);
    case 'deep':
      return nested(50 + randomInt(random, 1_450), random() < 0.5, pick(random, [1, 'x', null, { type: 'play' }]));
    case 'binary':
      return Buffer.from(Array.from({ length: randomInt(random, 64) }, () => randomInt(random, 256)));
    default:
      throw new Error(`junk kind ${kind as string}`);
  }
}
