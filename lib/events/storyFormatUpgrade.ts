import { z } from 'zod';
import type { Casualties, CasualtyCount } from './casualtySchema';
import { actorSchema, storyEventSchema, storyEventShape, type StoryEvent } from './schema';
import type { StoryFormat } from './storyFormats';

/**
 * Story format 1, still read: casualties are plain numbers, actors a name and a role. A format 1 event is upgraded as
 * it is read to the one shape the app works with (format 2): each number becomes an exact figure (format 1 had no way
 * to say "at least"), and children killed become the children of the killed figure.
 */
const count = z.int().min(0, 'must not be negative');

const formatOneActorSchema = actorSchema.omit({ asWritten: true });

const formatOneCasualtiesSchema = z
  .object({ killed: count.optional(), childrenKilled: count.optional(), injured: count.optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (value.killed !== undefined && value.childrenKilled !== undefined && value.childrenKilled > value.killed) {
      ctx.addIssue({ code: 'custom', path: ['childrenKilled'], message: `children killed (${value.childrenKilled}) exceeds killed (${value.killed})` });
    }
  });
type FormatOneCasualties = z.infer<typeof formatOneCasualtiesSchema>;

const exact = (n: number): CasualtyCount => ({ count: n, qualifier: 'exact' });

/** `{ killed: 3, childrenKilled: 1 }` -> `{ killed: { count: 3, qualifier: 'exact', children: { count: 1, qualifier: 'exact' } } }`. */
export function upgradeCasualties({ killed, childrenKilled, injured }: FormatOneCasualties): Casualties {
  const hasKilled = killed !== undefined || childrenKilled !== undefined;
  return {
    ...(hasKilled && {
      killed: {
        ...(killed !== undefined && exact(killed)),
        ...(childrenKilled !== undefined && { children: exact(childrenKilled) }),
      },
    }),
    ...(injured !== undefined && { injured: exact(injured) }),
  };
}

/** A format 1 event, checked by format 1's rules and upgraded to the app's one shape. */
export const formatOneEventSchema = z
  .object(storyEventShape(formatOneActorSchema, formatOneCasualtiesSchema))
  .strict()
  .transform((event): StoryEvent => {
    const { casualties, ...rest } = event;
    return casualties === undefined ? rest : { ...event, casualties: upgradeCasualties(casualties) };
  });

/** The schema that reads an event of a story in `format`; either way the result is the app's one event shape. */
export function storyEventSchemaFor(format: StoryFormat): z.ZodType<StoryEvent> {
  return format === 1 ? formatOneEventSchema : storyEventSchema;
}
