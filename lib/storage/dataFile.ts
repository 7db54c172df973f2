import { z } from 'zod';
import { MAX_MOMENTS_PER_DECK } from '../decks/deckLimits';
import { momentSchema, roomIdSchema, wallMsSchema } from '../decks/deckSchema';
import { fieldPath } from '../events/problems';
import { savedRoomStateSchema } from '../realtime/server/roomPersistence';
import { KEY_DIGEST_BYTES } from './roomStore';

/** What `npm run data:export` writes and `npm run data:import` reads: every room with its deck, engine-neutral. */
export const DATA_FILE_FORMAT = 'sitrep-data';
export const DATA_FILE_VERSION = 1;

const keyDigestTextSchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
  .refine((text) => Buffer.from(text, 'base64').length === KEY_DIGEST_BYTES, `must hold a ${KEY_DIGEST_BYTES}-byte SHA-256 digest`);

const exportedDeckSchema = z
  .object({
    version: z.int().min(0, 'must not be negative'),
    updatedAtMs: wallMsSchema,
    moments: z.array(momentSchema).max(MAX_MOMENTS_PER_DECK, `at most ${MAX_MOMENTS_PER_DECK} moments`),
  })
  .strict();

const exportedRoomSchema = z
  .object({
    id: roomIdSchema,
    scenarioId: z.string().min(1, 'must not be empty'),
    /** SHA-256 of the presenter key, base64 (the key itself is never stored). */
    keyDigest: keyDigestTextSchema,
    createdAtMs: wallMsSchema,
    updatedAtMs: wallMsSchema,
    /** Where the room stood when it was exported; null when it never saved a position. */
    state: savedRoomStateSchema.nullable(),
    deck: exportedDeckSchema,
  })
  .strict();
export type ExportedRoom = z.infer<typeof exportedRoomSchema>;

export const dataFileSchema = z
  .object({
    format: z.literal(DATA_FILE_FORMAT),
    version: z.literal(DATA_FILE_VERSION),
    exportedAtMs: wallMsSchema,
    /** Where it came from ("sqlite" or "postgres"), for the reader. */
    engine: z.string(),
    rooms: z.array(exportedRoomSchema),
  })
  .strict()
  .superRefine((file, context) => {
    const roomIds = new Set<string>();
    const momentIds = new Set<string>();
    file.rooms.forEach((room, roomIndex) => {
      if (roomIds.has(room.id)) context.addIssue({ code: 'custom', path: ['rooms', roomIndex, 'id'], message: `room "${room.id}" is listed twice` });
      roomIds.add(room.id);
      room.deck.moments.forEach((moment, momentIndex) => {
        if (momentIds.has(moment.id)) {
          context.addIssue({ code: 'custom', path: ['rooms', roomIndex, 'deck', 'moments', momentIndex, 'id'], message: `moment "${moment.id}" is listed twice` });
        }
        momentIds.add(moment.id);
      });
    });
  });
export type DataFile = z.infer<typeof dataFileSchema>;

/** Parses a data file's text; a problem names the file, the field and the reason. */
export function parseDataFile(filePath: string, text: string): { ok: true; file: DataFile } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${filePath}: not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = dataFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.slice(0, 10).map((issue) => `${filePath}: ${fieldPath(issue.path) || '(the file)'}: ${issue.message}`);
  const more = parsed.error.issues.length - problems.length;
  return { ok: false, message: [...problems, ...(more > 0 ? [`${filePath}: … and ${more} more problems`] : [])].join('\n') };
}
