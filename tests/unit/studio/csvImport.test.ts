import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { exportCsv, importCsv } from '@/lib/studio/csvInterop';
import { draftToEvent } from '@/lib/studio/draftEvent';

const SOURCE = 'On Monday, a drone struck the depot. At least 4 people were killed.';
const HEADER = 'id,type,title,summary,time_date,time_precision,time_as_written,actor_1_name,actor_1_role,killed,quote_text,quote_start,quote_end,attribution,importance';
const GOOD = 'depot-strike,strike,Drone hits depot,A drone struck the depot.,2025-04-21,day,On Monday,Army,Armed forces,4,a drone struck the depot,11,35,the article,2';

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('importCsv: each row a draft, each mistake named by row and field', () => {
  it('reads a complete row as an event whose quote is verified in the source', () => {
    const { drafts, problems } = importCsv(csv(GOOD), { sourceText: SOURCE });
    expect(problems).toEqual([]);
    expect(draftToEvent(drafts[0]!)).toEqual({
      id: 'depot-strike', type: 'strike', title: 'Drone hits depot', summary: 'A drone struck the depot.',
      time: { kind: 'point', date: '2025-04-21', precision: 'day', asWritten: 'On Monday' },
      actors: [{ name: 'Army', role: 'Armed forces' }], casualties: { killed: { count: 4, qualifier: 'exact' } },
      quote: { text: 'a drone struck the depot', start: 11, end: 35 }, attribution: 'the article', importance: 2, tags: [],
    });
  });

  type Case = { name: string; row: string; field: string; reason: RegExp; needs: string[]; check?: (draft: Record<string, unknown>) => void };
  const CASES: Case[] = [
    { name: 'an impossible date', row: GOOD.replace('2025-04-21', '2025-02-30'), field: 'time.date', reason: /February 2025 has 28 days/, needs: ['time'] },
    { name: 'a week that does not start on Monday', row: GOOD.replace('2025-04-21,day', '2025-04-22,week'), field: 'time.date', reason: /Monday/, needs: ['time'] },
    { name: 'a missing headline', row: GOOD.replace('Drone hits depot', ''), field: '', reason: /./, needs: ['title'] },
    { name: 'a figure that is not a count', row: GOOD.replace(',4,', ',at least 4,'), field: 'casualties.killed.count', reason: /never guessed/, needs: [], check: (d) => expect(d.casualties).toBeUndefined() },
    { name: 'an unknown type', row: GOOD.replace(',strike,', ',riot,'), field: 'type', reason: /unknown type "riot"/, needs: ['type'] },
    { name: 'a quote whose offsets miss it', row: GOOD.replace(',11,35,', ',12,36,'), field: 'quote.start', reason: /stands once in the source text, at 11-35/, needs: ['quote'] },
    { name: 'a quote not in the source', row: GOOD.replace('a drone struck the depot', 'a drone hit the depot'), field: 'quote.text', reason: /not found verbatim/, needs: ['quote'] },
    { name: 'an actor with no role', row: GOOD.replace('Armed forces', ''), field: 'actors[0].role', reason: /"Army" has no role/, needs: ['actors'], check: (d) => expect(d.actors).toEqual([{ name: 'Army', role: '' }]) },
    { name: 'an importance of 5', row: GOOD.replace(/,2$/, ',5'), field: 'importance', reason: /1, 2 or 3/, needs: ['importance'] },
  ];
  it.each(CASES)('$name', ({ row, field, reason, needs, check }) => {
    const { drafts, problems } = importCsv(csv(row), { sourceText: SOURCE });
    const fieldProblems = problems.filter((p) => p.origin === 'row 2' && (field === '' || p.field === field));
    if (field !== '') expect(fieldProblems.map((p) => p.reason).join('\n')).toMatch(reason);
    expect(drafts[0]?.needs).toEqual(needs);
    check?.(drafts[0] as unknown as Record<string, unknown>);
  });

  it('a quote without offsets is kept as a hint, and the draft needs the passage picked', () => {
    const { drafts, problems } = importCsv(csv(GOOD.replace(',11,35,', ',,,')), { sourceText: SOURCE });
    expect(problems).toEqual([]);
    expect(drafts[0]).toMatchObject({ quote: { text: 'a drone struck the depot' }, needs: ['quote'] });
    expect(drafts[0]?.quote?.start).toBeUndefined();
  });

  it('an empty casualty cell is "not reported", never zero', () => {
    const { drafts } = importCsv(csv(GOOD.replace(',4,', ',,')));
    expect(drafts[0]?.casualties).toBeUndefined();
  });

  it.each([
    { written: '2025', date: '2025-01-01', precision: 'year' },
    { written: '2025-04', date: '2025-04-01', precision: 'month' },
    { written: '2025-04-21', date: '2025-04-21', precision: 'day' },
    { written: '2025-04-21T09:15Z', date: '2025-04-21T09:15Z', precision: 'exact' },
  ])('a date written $written with no precision is read at the precision it is written with', ({ written, date, precision }) => {
    const { drafts } = importCsv(csv(GOOD.replace('2025-04-21,day', `${written},`)));
    expect(drafts[0]?.time).toEqual({ kind: 'point', date, precision, asWritten: 'On Monday' });
  });

  it('names duplicate ids, unknown columns, a file with no rows and a row with extra cells', () => {
    expect(importCsv(csv(GOOD, GOOD)).problems).toEqual([{ origin: 'row 3', field: 'id', reason: 'duplicate id "depot-strike": already used by row 2' }]);
    expect(importCsv(`${HEADER},colour\n${GOOD},red`).problems).toEqual([{ origin: 'row 1', field: 'colour', reason: 'unknown column "colour": ignored' }]);
    expect(importCsv('').problems[0]?.reason).toMatch(/empty/);
    expect(importCsv(csv(`${GOOD},extra`)).problems[0]).toMatchObject({ origin: 'row 2', reason: /16 cells for 15 columns/ });
  });
});

describe('exportCsv', () => {
  const event: StoryEvent = {
    id: 'formula-like', type: 'claim', title: '=HYPERLINK("x")', summary: "'-quoted already", time: { kind: 'range', end: { date: '2025-04-25', precision: 'day' }, asWritten: '+ in recent weeks' },
    actors: [{ name: '@someone', role: 'a, "quoted" role' }], location: { name: 'South Pole', coordinates: { lat: -90, lon: -0.5, precision: 'exact' } },
    quote: { text: 'line one\nline two', start: 0, end: 17 }, attribution: '-dash', importance: 1, tags: ['a', 'b-c'], related: ['other'],
  };

  it('writes text that a spreadsheet would run as a formula behind an apostrophe, and reads it back exactly', () => {
    const text = exportCsv([event]);
    expect(text.startsWith('\uFEFFid,type,title,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain(',-90,-0.5,');
    const { drafts, problems } = importCsv(text);
    expect(problems).toEqual([]);
    expect(draftToEvent(drafts[0]!)).toEqual(event);
  });

  it('gives every actor two numbered columns, as many as the event with the most actors needs', () => {
    const many = { ...event, actors: [1, 2, 3].map((n) => ({ name: `A${n}`, role: `R${n}` })) };
    const header = exportCsv([event, many]).slice(1).split('\r\n')[0] ?? '';
    expect(header).toContain('actor_3_name,actor_3_role,actor_3_as_written,location_name');
    expect(header).not.toContain('actor_4');
  });
});
