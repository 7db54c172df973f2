import type { core } from 'zod';

const EXPECTED_NAMES: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'a string', array: 'an array', object: 'an object', boolean: 'true or false' };

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  return typeof input === 'object' ? 'an object' : typeof input;
}

/** Turns a zod issue into a reason that says what was expected and what was found. */
export function zodReason(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `missing required field (expected ${expected})`
        : `expected ${expected}, received ${describeInput(issue.input)}`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return `missing required field (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      return `unknown value ${JSON.stringify(issue.input)}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}
