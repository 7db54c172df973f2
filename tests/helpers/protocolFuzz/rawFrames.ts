import { pick, weighted, randomInt } from '@/lib/synthetic/random';
import { junkString, junkValue, type Random } from './junkValues';

/**
 * engine.io packets are a type digit and data (`4` is a message); a Socket.IO packet inside a message is a type
 * digit, an optional attachment count and namespace, an optional ack id, and JSON data: `42["event",...]`,
 * `421["event",...]` with ack id 1, `40{auth}` to connect, `451-[...]` for an event with one binary attachment.
 */
const ENGINE_PACKETS = ['0', '1', '2', '2probe', '3', '3probe', '5', '6', '7', '9', '', ' ', 'b', 'bAAAA', '4', '44', '4{', 'x'];

/** Socket.IO packets a client should never send: reserved event names, bad ids, namespaces, attachments. */
const SOCKET_IO_PACKETS = [
  '40',
  '40{"protocol":2}',
  '40/admin,{"protocol":2}',
  '40/nope,',
  '41',
  '41/admin,',
  '42',
  '42[',
  '42[]',
  '42{}',
  '42null',
  '42"replay:control"',
  '42["disconnect"]',
  '42["disconnecting"]',
  '42["connect"]',
  '42["connect_error",{"message":"x"}]',
  '42["newListener","replay:control"]',
  '42["removeListener","replay:control"]',
  '42["error",{"type":"pause"}]',
  '42[1,2,3]',
  '42[{"type":"play"}]',
  '42["replay:control",{"type":"pause"}]',
  '421["replay:control",{"type":"pause"}]',
  '42-1["replay:control",{"type":"pause"}]',
  '4299999999999999999999["replay:control",{"type":"pause"}]',
  '42abc["replay:control",{"type":"pause"}]',
  '42/admin,["replay:control",{"type":"pause"}]',
  '43',
  '431[{"ok":true}]',
  '4399999[]',
  '44{"message":"x"}',
  '451-["replay:control",{"_placeholder":true,"num":0}]',
  '45-["replay:control",{"_placeholder":true,"num":0}]',
  '4999999999-["replay:control"]',
  '461-[{"_placeholder":true,"num":0}]',
  '47',
  '48["x"]',
  '42["replay:control",{"__proto__":{"type":"pause"}}]',
  '42["replay:resume",{"lastSeq":0,"__proto__":{"isAdmin":true}}]',
  '42["__proto__",{}]',
  '42["constructor"]',
];

/**
 * Data of binary events (`45<attachments>-[...]`, the attachments following as binary frames): placeholders where
 * JavaScript keys are special, out of range, or not numbers. (The server's parser puts attachments back by
 * assignment; an own `__proto__` key from JSON stays an own key there, which the strict schemas refuse.)
 */
const BINARY_EVENT_DATA = [
  '["replay:control",{"type":"pause","__proto__":{"_placeholder":true,"num":0}}]',
  '["replay:control",{"type":"seek","__proto__":{"to":"2025-03-06T00:00:00Z"}},{"_placeholder":true,"num":0}]',
  '["replay:control",{"type":"present","presentation":{"__proto__":{"_placeholder":true,"num":0}}}]',
  '["replay:resume",{"lastSeq":{"_placeholder":true,"num":0}}]',
  '["replay:resume",{"__proto__":{"lastSeq":0}},{"_placeholder":true,"num":0}]',
  '["replay:control",{"_placeholder":true,"num":5}]',
  '["replay:control",{"_placeholder":true,"num":-1}]',
  '["replay:control",{"_placeholder":true,"num":"__proto__"}]',
  '["replay:control",{"_placeholder":true}]',
  '[{"_placeholder":true,"num":0}]',
];

/** One raw frame: an engine.io packet, a Socket.IO packet, a message packet with junk JSON, or a binary event. */
export function rawFrame(random: Random): { text: string; attachments?: number[][] } {
  const kind = weighted(random, { engine: 2, socketIo: 5, junkEvent: 2, junkText: 1, binaryEvent: 2 });
  switch (kind) {
    case 'engine':
      return { text: pick(random, ENGINE_PACKETS) };
    case 'socketIo':
      return { text: pick(random, SOCKET_IO_PACKETS) };
    case 'junkEvent': {
      const id = random() < 0.5 ? '' : String(randomInt(random, 1_000_000));
      return { text: `42${id}${JSON.stringify([pick(random, ['replay:control', 'replay:resume', 'x']), junkValue(random, 1)]) ?? ''}` };
    }
    case 'junkText':
      return { text: `4${junkString(random, 2_000)}` };
    case 'binaryEvent': {
      // Announces 0 to 2 attachments and sends 0 to 2: too few leaves the packet waiting (the probe after it is then refused).
      const announced = randomInt(random, 3);
      const sent = random() < 0.7 ? announced : randomInt(random, 3);
      const id = random() < 0.5 ? '' : String(randomInt(random, 1_000));
      const attachments = Array.from({ length: sent }, () => Array.from({ length: randomInt(random, 16) }, () => randomInt(random, 256)));
      return { text: `45${announced}-${id}${pick(random, BINARY_EVENT_DATA)}`, attachments };
    }
    default:
      throw new Error(`frame kind ${kind as string}`);
  }
}
