import { EVENT_TYPES } from '../events/eventTypes';
import { CHART_IDS } from '../charts/chartIds';
import { z } from 'zod';
import { slugSchema } from '../events/schema';
import { MAX_ACTOR_NAME_CHARS, MAX_FILTER_ACTORS, MAX_MOMENT_ID_CHARS, MAX_MOMENTS_PER_DECK, MAX_NOTE_CHARS, MAX_ROOM_ID_CHARS, MAX_TITLE_CHARS } from './deckLimits';


export const roomIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ROOM_ID_CHARS, `must be at most ${MAX_ROOM_ID_CHARS} characters`);

/** Moment ids are made by the server (e.g. base64url of random bytes): URL-safe, never empty. */
export const momentIdSchema = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_MOMENT_ID_CHARS}}$`), `expected 1 to ${MAX_MOMENT_ID_CHARS} letters, digits, "_" or "-"`);

export const chartIdSchema = z.enum(CHART_IDS);

/** The same filter as the dashboard's `EventFilter`: empty lists mean "all". */
export const momentFilterSchema = z
  .object({
    types: z
      .array(z.enum(EVENT_TYPES))
      .refine((types) => new Set(types).size === types.length, 'must not list an event type twice'),
    actors: z
      .array(
        z
          .string()
          .min(1, 'must not be empty')
          .max(MAX_ACTOR_NAME_CHARS, `must be at most ${MAX_ACTOR_NAME_CHARS} characters`),
      )
      .max(MAX_FILTER_ACTORS, `must list at most ${MAX_FILTER_ACTORS} actors`),
  })
  .strict();

const noteSchema = z.string().max(MAX_NOTE_CHARS, `must be at most ${MAX_NOTE_CHARS} characters`);
const titleSchema = z.string().max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`);
/** Story time (epoch ms) the replay stood at; zod 4 numbers already refuse NaN and ±Infinity. */
const storyMsSchema = z.number();

/** What a presenter marks: where the story stood and what the dashboard showed. */
export const momentInputSchema = z
  .object({
    storyMs: storyMsSchema,
    eventId: slugSchema.nullable().optional(),
    filter: momentFilterSchema,
    chart: chartIdSchema,
    note: noteSchema,
    title: titleSchema.optional(),
  })
  .strict();
export type MomentInput = z.infer<typeof momentInputSchema>;

export const momentSchema = momentInputSchema.extend({ id: momentIdSchema }).strict();
export type Moment = z.infer<typeof momentSchema>;

/**
 * A change to one moment: any fields of the input, at least one. `filter` is replaced whole.
 * `eventId: null` and `title: null` clear the field.
 */
export const momentPatchSchema = z
  .object({
    storyMs: storyMsSchema.optional(),
    eventId: slugSchema.nullable().optional(),
    filter: momentFilterSchema.optional(),
    chart: chartIdSchema.optional(),
    note: noteSchema.optional(),
    title: titleSchema.nullable().optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'must change at least one field');
export type MomentPatch = z.infer<typeof momentPatchSchema>;

const versionSchema = z.int().min(0, 'must not be negative');
/** Wall time in epoch ms, as given by the injected clock. */
export const wallMsSchema = z.int().min(0, 'must not be negative');

/** A room's deck: its moments in presentation order. `version` grows by one with every change. */
export const deckSchema = z
  .object({
    roomId: roomIdSchema,
    version: versionSchema,
    moments: z.array(momentSchema).max(MAX_MOMENTS_PER_DECK, `must hold at most ${MAX_MOMENTS_PER_DECK} moments`),
    updatedAtMs: wallMsSchema,
  })
  .strict();
export type Deck = z.infer<typeof deckSchema>;

/** Optimistic concurrency: when given, the change applies only to this version of the deck. */
export const expectedVersionSchema = versionSchema.optional();

export const addMomentOptionsSchema = z
  .object({ atIndex: z.int().min(0, 'must not be negative').optional(), expectedVersion: expectedVersionSchema })
  .strict();
export type AddMomentOptions = z.infer<typeof addMomentOptionsSchema>;

export const editOptionsSchema = z.object({ expectedVersion: expectedVersionSchema }).strict();
export type EditOptions = z.infer<typeof editOptionsSchema>;
