/**
 * The bytes a client receives for one WebSocket message carrying an Engine.IO packet, computed from the packet
 * the client decoded (its `packet` event) with Engine.IO's own encoding rules. Pure.
 *
 * Over a WebSocket a text packet is its one-character type followed by its data (`4` + `2["replay:jump",{…}]` for
 * a Socket.IO event); a binary packet is its bytes alone. A server-to-client frame adds an unmasked RFC 6455 header
 * of 2, 4 or 10 bytes, by payload length. The Sitrep server turns per-message compression off, so these are the
 * bytes on the wire above TCP.
 */

export interface EnginePacketLike {
  type: string;
  data?: unknown;
}

const PACKET_TYPE_BYTES = 1;
const SHORT_FRAME_HEADER_BYTES = 2;
const MEDIUM_FRAME_HEADER_BYTES = 4;
const LONG_FRAME_HEADER_BYTES = 10;
/** Payload lengths up to 125 fit the first header byte; up to 65,535 a 16-bit length follows; beyond, 64 bits. */
const SHORT_PAYLOAD_MAX_BYTES = 125;
const MEDIUM_PAYLOAD_MAX_BYTES = 65_535;

const utf8 = new TextEncoder();

/** Bytes of the WebSocket message's payload: the encoded Engine.IO packet. */
export function enginePacketBytes(packet: EnginePacketLike): number {
  const { data } = packet;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof data === 'string') return PACKET_TYPE_BYTES + utf8.encode(data).byteLength;
  return PACKET_TYPE_BYTES;
}

/** Bytes of a server-to-client WebSocket frame (unmasked) carrying `payloadBytes`. */
export function websocketFrameBytes(payloadBytes: number): number {
  if (payloadBytes <= SHORT_PAYLOAD_MAX_BYTES) return SHORT_FRAME_HEADER_BYTES + payloadBytes;
  if (payloadBytes <= MEDIUM_PAYLOAD_MAX_BYTES) return MEDIUM_FRAME_HEADER_BYTES + payloadBytes;
  return LONG_FRAME_HEADER_BYTES + payloadBytes;
}

/** Frames and bytes received, summed. */
export class WireTally {
  frames = 0;
  bytes = 0;

  add(packet: EnginePacketLike): void {
    this.frames += 1;
    this.bytes += websocketFrameBytes(enginePacketBytes(packet));
  }

  reset(): void {
    this.frames = 0;
    this.bytes = 0;
  }
}
