import { PROTOCOL_VERSION } from '@/lib/realtime/protocolVersion';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CLIENT_EVENT_NAMES, clockPayloadSchema, CONNECT_ERRORS, controlPayloadSchema, ERROR_CODES, eventPayloadSchema, handshakeAuthSchema, jumpPayloadSchema, MAX_CLIENT_FRAME_BYTES, presencePayloadSchema, presentationPayloadSchema, replayClockSchema, restartingPayloadSchema, resumePayloadSchema, SERVER_EVENT_NAMES, snapshotPayloadSchema } from '@/lib/realtime/protocol';
import { DEFAULT_RETENTION_WALL_MS } from '@/lib/replay/messageLog';
import { presentationSchema } from '@/lib/replay/presentationSchema';
import { REPLAY_STATUSES } from '@/lib/replay/playbackMachine';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { serverConfigFromEnv } from '@/lib/server/config';
import { REPO_ROOT } from '../helpers/startTestServer';

const DOC_PATH = path.join(REPO_ROOT, 'docs/protocol.md');

interface Table {
  header: string[];
  rows: string[][];
}
interface Section {
  heading: string;
  tables: Table[];
  text: string;
}

/** Splits a table row on pipes that are not escaped (`\|` stays inside a cell). */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The document's sections (one per heading, any level) with the Markdown tables directly under each. */
function parseSections(markdown: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let table: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current && table.length >= 2) {
      const [head, separator, ...body] = table as [string, string, ...string[]];
      if (!/^\|?\s*:?-{3,}/.test(separator.trim())) throw new Error(`table under "${current.heading}" has no separator row`);
      current.tables.push({ header: cells(head), rows: body.map(cells) });
    }
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = !inFence && /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      current = { heading: (heading[2] as string).trim(), tables: [], text: '' };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    current.text += `${line}\n`;
    if (!inFence && line.trim().startsWith('|')) table.push(line);
    else flush();
  }
  flush();
  return sections;
}

/** Every backticked name in a cell. */
const backticked = (cell: string | undefined): string[] => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

const doc = readFileSync(DOC_PATH, 'utf8');
const sections = parseSections(doc);

function section(heading: string): Section {
  const found = sections.filter((s) => s.heading === heading);
  expect(found.map((s) => s.heading), `exactly one heading "${heading}"`).toEqual([heading]);
  return found[0] as Section;
}

/** The one table under `heading` whose first header cell is `firstColumn`. */
function table(heading: string, firstColumn: string): Table {
  const found = section(heading).tables.filter((t) => t.header[0] === firstColumn);
  expect(found, `one table with first column "${firstColumn}" under "${heading}"`).toHaveLength(1);
  return found[0] as Table;
}

/** The backticked names in the first column of each row, as documented. */
function documentedNames(t: Table): string[] {
  return t.rows.map((row) => {
    const names = backticked(row[0]);
    expect(names, `first cell "${row[0]}" names exactly one field`).toHaveLength(1);
    return names[0] as string;
  });
}

const sorted = (values: Iterable<string>) => [...values].sort();

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** Whether a field of an object schema may be left out. */
const isOptional = (schema: ObjectSchema, key: string) => (schema.shape[key] as z.ZodType).safeParse(undefined).success;

const FIELD_TABLES: [heading: string, schemaName: string, schema: ObjectSchema][] = [
  ['Handshake `auth`', 'handshakeAuthSchema', handshakeAuthSchema as unknown as ObjectSchema],
  ['`replay:snapshot`', 'snapshotPayloadSchema', snapshotPayloadSchema as unknown as ObjectSchema],
  ['`replay:event`', 'eventPayloadSchema', eventPayloadSchema as unknown as ObjectSchema],
  ['`replay:clock`', 'clockPayloadSchema', clockPayloadSchema as unknown as ObjectSchema],
  ['`replay:jump`', 'jumpPayloadSchema', jumpPayloadSchema as unknown as ObjectSchema],
  ['`room:presence`', 'presencePayloadSchema', presencePayloadSchema as unknown as ObjectSchema],
  ['`server:restarting`', 'restartingPayloadSchema', restartingPayloadSchema as unknown as ObjectSchema],
  ['`replay:presentation`', 'presentationPayloadSchema', presentationPayloadSchema as unknown as ObjectSchema],
  ['The presentation', 'presentationSchema', presentationSchema as unknown as ObjectSchema],
  ['The clock', 'replayClockSchema', replayClockSchema as unknown as ObjectSchema],
  ['`replay:resume`', 'resumePayloadSchema', resumePayloadSchema as unknown as ObjectSchema],
];

describe('docs/protocol.md matches lib/realtime/protocol.ts', () => {
  it('parses the document into sections with tables', () => {
    expect(sections.length).toBeGreaterThan(10);
    expect(sections.reduce((n, s) => n + s.tables.length, 0)).toBeGreaterThanOrEqual(11);
    // The parser keeps escaped pipes inside a cell.
    expect(cells('| `status` | `playing` \\| `paused` | |')).toEqual(['`status`', '`playing` | `paused`', '']);
  });

  it.each(FIELD_TABLES)('the table under "%s" lists exactly the fields of %s', (heading, _name, schema) => {
    const t = table(heading, 'field');
    expect(t.header).toEqual(['field', 'type', 'meaning']);
    const documented = documentedNames(t);
    expect(new Set(documented).size, 'no field documented twice').toBe(documented.length);
    expect(sorted(documented)).toEqual(sorted(Object.keys(schema.shape)));
    // "optional" in the type column exactly for the fields the schema lets a message leave out.
    const documentedOptional = t.rows.filter((row) => /\boptional\b/.test(row[1] ?? '')).map((row) => backticked(row[0])[0] as string);
    expect(sorted(documentedOptional)).toEqual(sorted(Object.keys(schema.shape).filter((key) => isOptional(schema, key))));
  });

  it('the clock table lists the replay statuses', () => {
    const status = table('The clock', 'field').rows.find((row) => backticked(row[0])[0] === 'status');
    expect(sorted(backticked(status?.[1]))).toEqual(sorted(REPLAY_STATUSES));
  });

  it('the error code table lists exactly ERROR_CODES', () => {
    const t = table('Error codes', 'code');
    expect(documentedNames(t)).toEqual([...ERROR_CODES]);
  });

  it('the connect error table lists exactly CONNECT_ERRORS', () => {
    const t = table('Handshake `auth`', 'connect error');
    expect(documentedNames(t)).toEqual([...CONNECT_ERRORS]);
  });

  it('the control table lists each control type of controlPayloadSchema with its fields', () => {
    const t = table('`replay:control`', 'type');
    expect(t.header).toEqual(['type', 'fields', 'effect']);
    const documented = t.rows.map((row) => {
      const [type, ...rest] = backticked(row[0]);
      expect(rest, `one type per row: ${row[0]}`).toEqual([]);
      return [type as string, sorted(backticked(row[1]))] as const;
    });
    const defined = controlPayloadSchema.options.map((option) => {
      const shape = option.shape as Record<string, z.ZodType>;
      const literal = shape.type as z.ZodLiteral<string>;
      expect(literal.values.size).toBe(1);
      return [literal.value, sorted(Object.keys(shape).filter((key) => key !== 'type'))] as const;
    });
    expect(sorted(documented.map(([type]) => type))).toEqual(sorted(defined.map(([type]) => type)));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(defined));
    expect(documented).toHaveLength(defined.length);
  });

  it('every event name has its own heading, and every event heading is an event name', () => {
    const headings = sections.map((s) => s.heading);
    for (const name of [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES]) expect(headings, name).toContain(`\`${name}\``);
    const eventHeadings = headings.filter((h) => /^`[a-z]+:[a-z]+`$/.test(h)).map((h) => h.slice(1, -1));
    expect(sorted(eventHeadings)).toEqual(sorted([...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES]));
    // Each under the right direction.
    const order = headings.indexOf('Server to client');
    const clientOrder = headings.indexOf('Client to server');
    expect(order).toBeGreaterThanOrEqual(0);
    expect(clientOrder).toBeGreaterThan(order);
    for (const name of SERVER_EVENT_NAMES) expect(headings.indexOf(`\`${name}\``)).toBeGreaterThan(order);
    for (const name of SERVER_EVENT_NAMES) expect(headings.indexOf(`\`${name}\``)).toBeLessThan(clientOrder);
    for (const name of CLIENT_EVENT_NAMES) expect(headings.indexOf(`\`${name}\``)).toBeGreaterThan(clientOrder);
  });

  it('states the limits the code uses', () => {
    expect(doc).toContain(`larger than ${MAX_CLIENT_FRAME_BYTES / 1024} KB close`);
    expect(table('`replay:control`', 'type').rows.find((row) => backticked(row[0])[0] === 'rate')?.[2]).toContain(
      `from ${MIN_STORY_SECONDS_PER_SECOND} (real time) to ${MAX_STORY_SECONDS_PER_SECOND} (a year per second)`,
    );
    expect(MAX_STORY_SECONDS_PER_SECOND).toBe(365 * 24 * 3_600);
    const defaults = serverConfigFromEnv({});
    expect(section('`replay:control`').text).toContain(`\`SITREP_CONTROLS_PER_SECOND\` controls per second (${defaults.controlsPerSecond} by default)`);
    expect(DEFAULT_RETENTION_WALL_MS).toBe(2 * 60 * 1_000);
    expect(doc).toContain('the room keeps at least two minutes of them');
    expect(doc).toContain(`# Sitrep replay protocol, version ${PROTOCOL_VERSION}`);
    expect(table('`replay:snapshot`', 'field').rows.find((row) => backticked(row[0])[0] === 'protocol')?.[1]).toBe(`\`${PROTOCOL_VERSION}\``);
  });
});
