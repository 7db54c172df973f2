import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: well above the 128 bits a presenter key needs. */
export const PRESENTER_KEY_BYTES = 32;
/** Room ids are public but unguessable: 128 random bits. */
export const ROOM_ID_BYTES = 16;

export function newPresenterKey(): string {
  return randomBytes(PRESENTER_KEY_BYTES).toString('base64url');
}

export function newRoomId(): string {
  return randomBytes(ROOM_ID_BYTES).toString('base64url');
}

export function newEpoch(): string {
  return randomBytes(8).toString('base64url');
}

/** Keys are kept only as digests and compared in constant time. */
export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function matchesDigest(candidate: string, digest: Buffer): boolean {
  return timingSafeEqual(keyDigest(candidate), digest);
}
