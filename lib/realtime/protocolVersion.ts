/**
 * The protocol's constants, importable without the validation library (the browser bundle needs them, not the
 * schemas). lib/realtime/protocol.ts re-exports them: it stays the one definition of the protocol.
 */
export const PROTOCOL_VERSION = 2 as const;
/** The public room: starts at boot, loops, and is the room a client joins when it names none. */
export const LIVE_ROOM_ID = 'live';
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
