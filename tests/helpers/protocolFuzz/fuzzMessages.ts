import type { ConnectErrorMessage } from '@/lib/realtime/protocol';
import { pick, seededRandom, weighted, randomInt } from '@/lib/synthetic/random';
import { junkNumber, junkString, junkValue, setOwn, type Random } from './junkValues';
import { nearValidControl, validControl, type StoryFacts } from './nearValid';
import { rawFrame } from './rawFrames';

/** What a handshake may end in: a connection (with a snapshot), a connect error, or the server closing the transport. */
export type ConnectOutcome = 'connected' | ConnectErrorMessage | 'closed';

export type FuzzMessage =
  /** Any event, with any arguments, from a socket without the presenter key; `ack`: sent with an acknowledgement callback. */
  | { kind: 'viewer'; event: string; args: unknown[]; ack: boolean }
  /** `replay:control` from the presenter (always acknowledged): near-valid, sometimes valid. */
  | { kind: 'presenter'; payload: unknown }
  | { kind: 'handshake'; auth: unknown; expected: ConnectOutcome }
  /** A raw WebSocket text frame, on a socket connected to the default namespace, followed by binary frames if any. */
  | { kind: 'frame'; text: string; attachments?: number[][] };

export interface FuzzRooms extends StoryFacts {
  /** Rooms that exist, and a presenter key of each (never sent by the fuzz: it sends keys that are one character off). */
  rooms: readonly { id: string; presenterKey: string }[];
}

/** Event names the server does not handle (socket.io-client refuses to emit its reserved names; raw frames send them). */
const UNKNOWN_EVENTS = ['replay:Control', 'replay:snapshot', 'replay:event', 'room:presence', 'replay:', 'control', 'resume', 'error', 'message', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];

/** A messages of `replay:resume`: a bogus seq, a seq with an epoch (not part of resume), valid ones, junk. */
function resumePayload(random: Random): unknown {
  const how = weighted(random, { valid: 2, seq: 4, epoch: 2, junk: 2 });
  if (how === 'valid') return { lastSeq: randomInt(random, 50) };
  if (how === 'seq') return { lastSeq: random() < 0.5 ? junkNumber(random) : pick(random, ['0', '-1', 'NaN', 'Infinity', null, [0], { seq: 0 }]) };
  if (how === 'epoch') return { lastSeq: randomInt(random, 5), epoch: junkString(random, 64) };
  return junkValue(random);
}

function args(random: Random, first: () => unknown): unknown[] {
  const count = weighted(random, { none: 1, one: 8, two: 1 });
  if (count === 'none') return [];
  return count === 'one' ? [first()] : [first(), junkValue(random, 1)];
}

function viewerMessage(random: Random, facts: StoryFacts): FuzzMessage {
  const what = weighted(random, { unknown: 3, junkControl: 6, nearValid: 6, valid: 1, resume: 4, binary: 1 });
  const ack = random() < 0.85;
  switch (what) {
    case 'unknown':
      return { kind: 'viewer', event: random() < 0.7 ? pick(random, UNKNOWN_EVENTS) : junkString(random, 200), args: args(random, () => junkValue(random)), ack };
    case 'junkControl':
      return { kind: 'viewer', event: 'replay:control', args: args(random, () => junkValue(random)), ack };
    case 'nearValid':
      return { kind: 'viewer', event: 'replay:control', args: args(random, () => nearValidControl(random, facts)), ack };
    case 'valid':
      return { kind: 'viewer', event: 'replay:control', args: [validControl(random, facts)], ack };
    case 'resume':
      return { kind: 'viewer', event: 'replay:resume', args: args(random, () => resumePayload(random)), ack };
    case 'binary':
      return {
        kind: 'viewer',
        event: pick(random, ['replay:control', 'replay:resume', 'replay:binary']),
        args: [pick(random, [Buffer.from(JSON.stringify(validControl(random, facts))), { type: 'seek', to: Buffer.from('2025-03-06T00:00:00Z') }, { lastSeq: Buffer.alloc(4) }])],
        ack,
      };
    default:
      throw new Error(`viewer message ${what as string}`);
  }
}

/** A presenter key one step off the real one: a character changed, cut short, padded, or another case. */
function wrongKey(random: Random, key: string): string {
  const how = pick(random, ['change', 'short', 'long', 'case', 'other'] as const);
  if (how === 'change') return `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
  if (how === 'short') return key.slice(0, -1);
  if (how === 'long') return `${key}x`;
  if (how === 'case') return key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase();
  return junkString(random, 256) || 'k';
}

function handshake(random: Random, facts: FuzzRooms): FuzzMessage {
  const room = pick(random, facts.rooms);
  const how = weighted(random, { protocol: 3, shape: 4, unknownRoom: 2, longRoom: 1, key: 2, valid: 1, notObject: 1 });
  const auth: Record<string, unknown> = { protocol: 2, room: room.id };
  switch (how) {
    case 'protocol': {
      const protocol = pick(random, [undefined, 1, 3, '2', 0, -2, 2.5, null, [2], { v: 2 }]);
      if (protocol === undefined) delete auth.protocol;
      else auth.protocol = protocol;
      if (random() < 0.5) auth.presenterKey = room.presenterKey.slice(1);
      return { kind: 'handshake', auth, expected: 'protocol_mismatch' };
    }
    case 'shape': {
      const field = pick(random, ['room', 'presenterKey', 'lastSeq', 'epoch'] as const);
      const bad: Record<typeof field, unknown[]> = {
        room: ['', 'live room', 'r'.repeat(65), 'ü', 42, ['live'], null, { id: 'live' }],
        presenterKey: ['', 'k'.repeat(257), 12345, null, [room.presenterKey]],
        lastSeq: [-1, 1.5, '3', 2 ** 60, null, Number.NaN],
        epoch: ['', 'e'.repeat(65), 7, null, { e: 1 }],
      };
      auth[field] = pick(random, bad[field]);
      return { kind: 'handshake', auth, expected: 'invalid_handshake' };
    }
    case 'unknownRoom':
      auth.room = `fuzz-${randomInt(random, 1e9)}`;
      return { kind: 'handshake', auth, expected: 'not_found' };
    case 'longRoom':
      auth.room = 'r'.repeat(10_000);
      return { kind: 'handshake', auth, expected: 'invalid_handshake' };
    case 'key':
      auth.presenterKey = wrongKey(random, room.presenterKey);
      return { kind: 'handshake', auth, expected: 'forbidden' };
    case 'valid':
      if (random() < 0.5) Object.assign(auth, { lastSeq: randomInt(random, 100), epoch: 'stale-epoch' });
      if (random() < 0.5) setOwn(auth, pick(random, ['__proto__', 'constructor', 'extra']), junkValue(random, 2));
      return { kind: 'handshake', auth, expected: 'connected' };
    case 'notObject': {
      // The connect packet carries auth as JSON after `40`: anything but an object is a malformed packet (the server
      // closes the connection), except a number, whose digits read as an ack id: a connect without auth.
      const value = pick(random, ['live', 2, ['live'], true, null]);
      return { kind: 'handshake', auth: value, expected: typeof value === 'number' || value === null ? 'protocol_mismatch' : 'closed' };
    }
    default:
      throw new Error(`handshake ${how as string}`);
  }
}

/** The fuzz's messages for a seed: the same seed gives the same messages, in the same order. */
export function fuzzMessages(seed: number, count: number, facts: FuzzRooms): FuzzMessage[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const kind = weighted(random, { viewer: 64, presenter: 30, handshake: 3, frame: 3 });
    if (kind === 'viewer') return viewerMessage(random, facts);
    if (kind === 'presenter') return { kind, payload: random() < 0.1 ? validControl(random, facts) : nearValidControl(random, facts) };
    if (kind === 'handshake') return handshake(random, facts);
    return { kind, ...rawFrame(random) };
  });
}
