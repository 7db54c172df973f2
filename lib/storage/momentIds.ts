import { randomBytes } from 'node:crypto';

/** 96 random bits: ids of moments never collide in practice and reveal nothing about the deck. */
export const MOMENT_ID_BYTES = 12;

/** A fresh moment id (16 base64url characters), for `DeckStore.addMoment`. */
export function newMomentId(): string {
  return randomBytes(MOMENT_ID_BYTES).toString('base64url');
}
