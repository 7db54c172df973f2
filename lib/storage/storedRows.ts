import type { z } from 'zod';
import { fieldPath } from '../events/problems';

/** A row read back from the database does not hold what the code wrote: names the table, the row and the field. */
export class StoredRowError extends Error {
  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly field: string,
    reason: string,
  ) {
    super(`corrupt ${table} row "${rowId}": field "${field}": ${reason}`);
    this.name = 'StoredRowError';
  }
}

/** Validates one column's value (or the JSON it holds, when `json` is set) and names the failing field. */
export function parseStoredValue<T>(
  where: { table: string; rowId: string; column: string; json?: boolean },
  raw: unknown,
  schema: z.ZodType<T>,
): T {
  let value = raw;
  if (where.json) {
    if (typeof raw !== 'string') throw new StoredRowError(where.table, where.rowId, where.column, `expected JSON text, got ${typeof raw}`);
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new StoredRowError(where.table, where.rowId, where.column, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const inner = issue ? fieldPath(issue.path) : '';
  const field = inner ? `${where.column}.${inner}` : where.column;
  throw new StoredRowError(where.table, where.rowId, field, issue?.message ?? 'invalid value');
}
