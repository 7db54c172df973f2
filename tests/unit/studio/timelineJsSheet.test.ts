import { describe, expect, it } from 'vitest';
import { importCsv } from '@/lib/studio/csvInterop';

// The header of TimelineJS's spreadsheet template, as a CSV saved from it.
const HEADER = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';
const sheet = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

describe("a CSV saved from TimelineJS's spreadsheet template", () => {
  it('reads the title row as the story title and event rows as drafts, at the precision they are written', () => {
    const { drafts, problems, title, summary } = importCsv(
      sheet(
        ',,,,,,,,,Flood diary,<p>A town under water.</p>,,,,,title,,',
        '2025,3,4,2:30 PM,,,,,Tuesday afternoon,Levee breaks,The levee broke.,,,,,,Strike,',
        '2025,3,,,2025,5,,,this spring,Repairs,Repairs went on.,,,,,,,',
        '2025,3,10,,2025,3,16,,that week,Pumps arrive,,,,,,,,',
        '2024,,,,2025,,,,,Era,,,,,,era,,',
      ),
    );
    expect({ title, summary }).toEqual({ title: 'Flood diary', summary: 'A town under water.' });
    expect(drafts.map((d) => [d.origin, d.id, d.type, d.time])).toEqual([
      ['row 3', 'levee-breaks', 'strike', { kind: 'point', date: '2025-03-04T14:30:00Z', precision: 'exact', asWritten: 'Tuesday afternoon' }],
      ['row 4', 'repairs', undefined, { kind: 'point', date: '2025-03-01', precision: 'season', asWritten: 'this spring' }],
      ['row 5', 'pumps-arrive', undefined, { kind: 'point', date: '2025-03-10', precision: 'week', asWritten: 'that week' }],
    ]);
    expect(drafts[2]?.needs).toEqual(['type', 'summary', 'attribution', 'importance', 'quote']);
    expect(problems).toEqual([{ origin: 'row 6', field: 'Type', reason: 'eras are not imported (a story has none)' }]);
  });

  it.each([
    { name: 'a time that is not a time of day', row: '2025,3,4,teatime,,,,,x,H,T,,,,,,,', field: 'Time', reason: /not a time of day/ },
    { name: 'an end date without a year', row: '2025,3,4,,,4,,,x,H,T,,,,,,,', field: 'End Year', reason: /needs a year/ },
    { name: 'no year', row: ',3,4,,,,,,x,H,T,,,,,,,', field: 'start_date.year', reason: /expected a year/ },
    { name: 'a 13th month', row: '2025,13,,,,,,,x,H,T,,,,,,,', field: 'start_date.month', reason: /from 1 to 12/ },
  ])('names $name', ({ row, field, reason }) => {
    const { problems } = importCsv(sheet(row));
    expect(problems).toContainEqual({ origin: 'row 2', field, reason: expect.stringMatching(reason) });
  });
});
