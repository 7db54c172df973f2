import { describe, expect, it } from 'vitest';
import { enginePacketBytes, websocketFrameBytes, WireTally } from '@/bench/jumps/wireBytes';

describe('enginePacketBytes', () => {
  it.each([
    { name: 'a ping carries its type only', packet: { type: 'ping' }, bytes: 1 },
    { name: 'a text message is its type and its UTF-8 data', packet: { type: 'message', data: '2["replay:jump",{"seq":7}]' }, bytes: 1 + 26 },
    { name: 'multi-byte characters count in UTF-8 bytes', packet: { type: 'message', data: '2["x","é€"]' }, bytes: 1 + 9 + 2 + 3 },
    { name: 'an empty text message is its type', packet: { type: 'message', data: '' }, bytes: 1 },
    { name: 'a binary packet is its bytes alone', packet: { type: 'message', data: new Uint8Array(300) }, bytes: 300 },
    { name: 'an ArrayBuffer counts its length', packet: { type: 'message', data: new ArrayBuffer(17) }, bytes: 17 },
  ])('$name', ({ packet, bytes }) => {
    expect(enginePacketBytes(packet)).toBe(bytes);
  });
});

describe('websocketFrameBytes', () => {
  it.each([
    { payload: 0, frame: 2 },
    { payload: 125, frame: 127 },
    { payload: 126, frame: 130 },
    { payload: 65_535, frame: 65_539 },
    { payload: 65_536, frame: 65_546 },
  ])('a $payload-byte payload makes a $frame-byte frame', ({ payload, frame }) => {
    expect(websocketFrameBytes(payload)).toBe(frame);
  });
});

describe('WireTally', () => {
  it('sums frames and their bytes, and starts again after a reset', () => {
    const tally = new WireTally();
    tally.add({ type: 'ping' });
    tally.add({ type: 'message', data: 'x'.repeat(199) });
    expect({ frames: tally.frames, bytes: tally.bytes }).toEqual({ frames: 2, bytes: 3 + 204 });
    tally.reset();
    tally.add({ type: 'pong' });
    expect({ frames: tally.frames, bytes: tally.bytes }).toEqual({ frames: 1, bytes: 3 });
  });
});
