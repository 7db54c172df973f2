import { z } from 'zod';
import { assertNever } from '../assertNever';
import { CASUALTY_BREAKDOWN, CASUALTY_QUALIFIERS } from './casualtyKinds';

const count = z.int().min(0, 'must not be negative');
const qualifier = z.enum(CASUALTY_QUALIFIERS);

/** One number as reported, with its qualifier: `{ count: 1400, qualifier: 'more-than' }`. */
export const casualtyCountSchema = z.object({ count, qualifier }).strict();
export type CasualtyCount = z.infer<typeof casualtyCountSchema>;

/** The least the real number can be; `undefined` for "about" (it may be less). */
function lowest({ count: n, qualifier: q }: CasualtyCount): number | undefined {
  switch (q) {
    case 'exact':
    case 'at-least':
      return n;
    case 'more-than':
      return n + 1;
    case 'about':
      return undefined;
    default:
      return assertNever(q, 'qualifier');
  }
}

/** The most the real number can be; `undefined` when the source sets no upper limit (or only an approximate one). */
const highest = (figure: CasualtyCount): number | undefined => (figure.qualifier === 'exact' ? figure.count : undefined);

/** "at least 9", "exactly 3": a number as the checker's messages quote it. */
const quoted = (figure: CasualtyCount) => `${figure.qualifier === 'exact' ? '' : `${figure.qualifier.replace('-', ' ')} `}${figure.count}`;

const QUALIFIER_HINT = `one of ${CASUALTY_QUALIFIERS.map((q) => JSON.stringify(q)).join(', ')}`;

/**
 * A casualty figure: the total (`count` with its `qualifier`), a breakdown (`civilians`, `military`, `children`), or
 * both. The total may be missing when the source gives only a part ("killed nine children"). A figure the source does
 * not give is left out — never written as 0.
 */
export const casualtyFigureSchema = z
  .object({
    count: count.optional(),
    qualifier: qualifier.optional(),
    civilians: casualtyCountSchema.optional(),
    military: casualtyCountSchema.optional(),
    children: casualtyCountSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.count !== undefined && value.qualifier === undefined) {
      ctx.addIssue({ code: 'custom', path: ['qualifier'], message: `missing required field: a count goes with its qualifier (${QUALIFIER_HINT})` });
    }
    if (value.count === undefined && value.qualifier !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'missing required field: a qualifier goes with its count' });
    }
    const parts = CASUALTY_BREAKDOWN.filter((part) => value[part] !== undefined);
    if (value.count === undefined && value.qualifier === undefined && parts.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'an empty figure: give "count" with "qualifier", or a breakdown (civilians, military, children); leave the figure out when the source does not give it' });
      return;
    }
    if (value.count === undefined || value.qualifier === undefined) return;
    const total: CasualtyCount = { count: value.count, qualifier: value.qualifier };
    const most = highest(total);
    if (most === undefined) return;
    for (const part of parts) {
      const least = lowest(value[part] as CasualtyCount);
      if (least !== undefined && least > most) {
        ctx.addIssue({ code: 'custom', path: [part], message: `${part} (${quoted(value[part] as CasualtyCount)}) exceed the total (${quoted(total)})` });
      }
    }
    const { civilians, military } = value;
    const leastTogether = civilians && military ? [lowest(civilians), lowest(military)] : [];
    if (leastTogether.length === 2 && leastTogether.every((n) => n !== undefined) && (leastTogether[0] as number) + (leastTogether[1] as number) > most) {
      ctx.addIssue({ code: 'custom', path: [], message: `civilians and military together (${quoted(civilians as CasualtyCount)} + ${quoted(military as CasualtyCount)}) exceed the total (${quoted(total)})` });
    }
  });
export type CasualtyFigure = z.infer<typeof casualtyFigureSchema>;

/** Casualties as reported. An absent figure means "not reported" — never zero. */
export const casualtiesSchema = z.object({ killed: casualtyFigureSchema.optional(), injured: casualtyFigureSchema.optional() }).strict();
export type Casualties = z.infer<typeof casualtiesSchema>;
