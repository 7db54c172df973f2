import { describe, expect, it } from 'vitest';
import { checkDraft } from '@/lib/studio/draftCheck';
import { draftFiles } from '@/lib/studio/draftFiles';
import { importDrafts } from '@/lib/studio/importDrafts';

const SOURCE = 'On Monday, a drone struck a market. At least four people were killed, officials said.';
const CSV = [
  'id,type,title,summary,time_date,time_precision,time_as_written,quote_text,attribution,importance,killed',
  'market,strike,Drone strikes a market,A drone hit a market.,2025-04-21,day,On Monday,a drone struck a market,officials,2,4',
  ',statement,Officials speak,Officials said so.,,,,officials said,officials,1,',
].join('\n');
const SCENARIO = { id: 'market-story', title: 'A market', summary: 'A strike.', published: '2025-04-25', publishedTime: '', sourceName: 'The Daily', sourceUrl: '', sourceFile: '' };

describe('importDrafts', () => {
  it('turns CSV rows into studio events: free ids, quotes placed where they occur once, what is missing left to the check', () => {
    const { events, problems } = importDrafts('events.csv', CSV, { sourceText: SOURCE, published: '2025-04-25', takenIds: new Set(['market']) });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.id, e.quote])).toEqual([
      ['market-2', { text: 'a drone struck a market', start: 11, end: 34 }],
      ['officials-speak', { text: 'officials said', start: SOURCE.indexOf('officials said'), end: SOURCE.indexOf('officials said') + 14 }],
    ]);
    expect(events[0]?.casualties.killed.total).toEqual({ value: '4', qualifier: 'exact' });
    const check = checkDraft(draftFiles({ scenario: SCENARIO, events, sourceText: SOURCE }), 'market-story');
    // The second row gives no time: the check says so, on that event's time.
    expect(check.problems.length).toBeGreaterThan(0);
    for (const problem of check.problems) expect([problem.eventIndex, problem.field]).toEqual([1, expect.stringMatching(/^time/)]);
  });
});
