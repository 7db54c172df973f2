import { z } from 'zod';
import { EVENT_TYPES, MAX_SLUG_CHARS, SLUG_PATTERN } from './eventTypes';
import { casualtiesSchema } from './casualtySchema';
import { DATE_PRECISIONS, alignmentProblem, parseDateForPrecision } from './precision';
import { CURRENT_STORY_FORMAT, STORY_FORMATS } from './storyFormats';


export const slugSchema = z
  .string()
  .max(MAX_SLUG_CHARS, `must be at most ${MAX_SLUG_CHARS} characters`)
  .regex(SLUG_PATTERN, 'expected a slug: lowercase letters and digits joined by single hyphens');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const datePrecisionSchema = z.enum(DATE_PRECISIONS);

/** A date with its precision; the date is checked against the calendar and against its precision. */
export const datedSchema = z
  .object({ date: z.string(), precision: datePrecisionSchema })
  .strict()
  .superRefine((value, ctx) => {
    const parsed = parseDateForPrecision(value.date, value.precision);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: parsed.reason });
      return;
    }
    const misaligned = alignmentProblem(parsed.ms, value.precision);
    if (misaligned) ctx.addIssue({ code: 'custom', path: ['date'], message: `${misaligned}, got "${value.date}"` });
  });
export type Dated = z.infer<typeof datedSchema>;

/**
 * When an event happened, as precisely as the source says and no more precisely:
 * either a single dated period (`date` + `precision`) or a range (`start` and/or `end`).
 * A range with no `start` means "on or before `end`": the source gives no date, only an upper bound.
 * `asWritten` keeps the source's own words for the time ("late Thursday", "in recent weeks").
 */
export const storyTimeSchema = z
  .object({
    date: z.string().optional(),
    precision: datePrecisionSchema.optional(),
    start: datedSchema.optional(),
    end: datedSchema.optional(),
    asWritten: text(200),
  })
  .strict()
  .superRefine((value, ctx) => {
    const isPoint = value.date !== undefined || value.precision !== undefined;
    const isRange = value.start !== undefined || value.end !== undefined;
    if (isPoint && isRange) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give either "date" and "precision" or "start"/"end", not both' });
    } else if (isPoint) {
      if (value.date === undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: 'missing required field (a date goes with its precision)' });
      if (value.precision === undefined) ctx.addIssue({ code: 'custom', path: ['precision'], message: 'missing required field (a date goes with its precision)' });
      if (value.date !== undefined && value.precision !== undefined) {
        const nested = datedSchema.safeParse({ date: value.date, precision: value.precision });
        for (const issue of nested.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    } else if (!isRange) {
      ctx.addIssue({ code: 'custom', path: [], message: 'missing a time: give "date" with "precision", or a "start"/"end" range' });
    }
  })
  .transform((value): StoryTime => {
    if (value.date !== undefined && value.precision !== undefined) {
      return { kind: 'point', date: value.date, precision: value.precision, asWritten: value.asWritten };
    }
    return { kind: 'range', ...(value.start && { start: value.start }), ...(value.end && { end: value.end }), asWritten: value.asWritten };
  });

export type StoryTime =
  | { kind: 'point'; date: string; precision: Dated['precision']; asWritten: string }
  | { kind: 'range'; start?: Dated; end?: Dated; asWritten: string };

/**
 * An actor: the usual (canonical) `name` ("Vladimir V. Putin"), and — when the source writes it otherwise — the name
 * `asWritten` there ("Mr. Putin", or a misspelling kept as it stands). The checker finds `asWritten` in the source.
 */
export const actorSchema = z.object({ name: text(120), role: text(200), asWritten: text(120).optional() }).strict();
export type Actor = z.infer<typeof actorSchema>;

export const COORDINATE_PRECISIONS = ['exact', 'city', 'region', 'country'] as const;
export const locationSchema = z
  .object({
    name: text(200),
    coordinates: z
      .object({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        precision: z.enum(COORDINATE_PRECISIONS),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Location = z.infer<typeof locationSchema>;

const count = z.int().min(0, 'must not be negative');

/** A verbatim passage of the source text; `start`/`end` are string indices (UTF-16 code units), end exclusive. */
export const quoteSchema = z
  .object({ text: z.string().min(1, 'must not be empty').max(2000), start: count, end: count })
  .strict()
  .superRefine((value, ctx) => {
    if (value.end <= value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `end offset ${value.end} is not after start offset ${value.start}` });
  });
export type Quote = z.infer<typeof quoteSchema>;

/** An event's fields; `actors` and `casualties` are the ones that differ between story formats. */
export function storyEventShape<A extends z.ZodType, C extends z.ZodType>(actor: A, casualties: C) {
  return {
    id: slugSchema,
    type: z.enum(EVENT_TYPES),
    title: text(200),
    summary: text(2000),
    time: storyTimeSchema,
    actors: z.array(actor).max(50),
    location: locationSchema.optional(),
    casualties: casualties.optional(),
    quote: quoteSchema,
    attribution: text(300),
    importance: z.int().min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3'),
    tags: z.array(slugSchema).max(30),
    related: z.array(slugSchema).max(30).optional(),
  };
}

/** An event in story format 2, which is also the one shape the app works with (format 1 is upgraded to it). */
export const storyEventSchema = z.object(storyEventShape(actorSchema, casualtiesSchema)).strict();
export type StoryEvent = z.infer<typeof storyEventSchema>;

export const scenarioSchema = z
  .object({
    /** The story format of the folder's files: absent means format 1. */
    format: z.literal(STORY_FORMATS).optional(),
    id: slugSchema,
    title: text(200),
    summary: text(2000),
    published: z.string().superRefine((value, ctx) => {
      const parsed = parseDateForPrecision(value, 'day');
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
    }),
    source: z
      .object({
        file: z.string().regex(/^[\w.-]+$/, 'expected a file name inside the story folder'),
        citation: text(500),
        url: z.url().optional(),
      })
      .strict(),
  })
  .strict()
  // In memory every story is in the current format: format 1 events are upgraded as they are read.
  .transform((scenario) => ({ ...scenario, format: CURRENT_STORY_FORMAT }));
export type Scenario = z.infer<typeof scenarioSchema>;
