import { z } from 'zod';
import { presentationSchema } from '../../replay/presentationSchema';
import { REPLAY_STATUSES } from '../../replay/playbackMachine';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from '../../replay/rates';
import type { RoomStore } from '../../storage/roomStore';

/** What a room keeps across a restart besides its story and key: where it stood and what it showed. */
export const savedRoomStateSchema = z
  .object({
    positionMs: z.number(),
    storySecondsPerSecond: z.number().min(MIN_STORY_SECONDS_PER_SECOND).max(MAX_STORY_SECONDS_PER_SECOND),
    presentation: presentationSchema,
    /** Whether it was playing: the live room plays on after a restart; states saved before it was kept have none. */
    status: z.enum(REPLAY_STATUSES).optional(),
  })
  .strict();
export type SavedRoomState = z.infer<typeof savedRoomStateSchema>;

export interface PersistedRoom {
  scenarioId: string;
  keyDigest: Buffer;
  state: SavedRoomState | null;
}

/** Where rooms made through the API are kept, so that they (and their decks) outlive the process. */
export interface RoomPersistence {
  saveRoom(room: { id: string; scenarioId: string; keyDigest: Buffer; createdAtMs: number }): Promise<void>;
  /** Saves the states of many rooms at once (one transaction). */
  saveStates(states: readonly { roomId: string; state: SavedRoomState }[], nowMs: number): Promise<void>;
  load(roomId: string): Promise<PersistedRoom | undefined>;
  /** How many rooms are stored (open or not). */
  count(): Promise<number>;
}

export function roomPersistenceFromStore(store: RoomStore, warn: (message: string) => void): RoomPersistence {
  return {
    saveRoom: (room) => store.saveRoom(room),
    saveStates: async (states, nowMs) => {
      await store.saveRoomClocks(
        states.map(({ roomId, state }) => ({ id: roomId, clockJson: JSON.stringify(state) })),
        nowMs,
      );
    },
    count: () => store.countRooms(),
    load: async (roomId) => {
      const row = await store.getRoom(roomId);
      if (!row) return undefined;
      let state: SavedRoomState | null = null;
      if (row.clockJson !== null) {
        const parsed = savedRoomStateSchema.safeParse(JSON.parse(row.clockJson));
        if (parsed.success) state = parsed.data;
        else warn(`rooms row "${roomId}": saved state ignored (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      }
      return { scenarioId: row.scenarioId, keyDigest: row.keyDigest, state };
    },
  };
}
