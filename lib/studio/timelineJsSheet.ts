import { draftFromFields, reportDuplicateIds, type DraftOptions, type ImportProblem, type ImportResult } from './draftEvent';
import { htmlToText } from './htmlText';
import { slideFields } from './timelineJsInterop';

/**
 * TimelineJS's spreadsheet template, saved as CSV: Year, Month, Day, Time, End Year, End Month, End Day, End Time,
 * Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background.
 * Each row is read as the slide TimelineJS would make of it; a "title" row gives the story's title, "era" rows are
 * not imported.
 */
const sheetKey = (name: string) => name.toLowerCase().replace(/\s+/g, '');

export function isTimelineJsSheet(header: readonly string[]): boolean {
  const keys = header.map(sheetKey);
  return keys.includes('year') && keys.includes('headline');
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/** "14:30", "2:30 PM", "09:15:20" as date parts; anything else is reported. */
function clockParts(text: string): { hour: number; minute: number; second?: number } | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem && (hour < 1 || hour > 12)) return undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return { hour, minute: Number(match[2]), ...(match[3] !== undefined && { second: Number(match[3]) }) };
}

type Cells = Record<string, string>;

function sheetDate(cells: Cells, prefix: '' | 'end', report: (field: string, reason: string) => void): Record<string, unknown> | undefined {
  const year = cells[`${prefix}year`]?.replace(/[\s,]+/g, '') ?? '';
  const parts: Record<string, unknown> = { year, month: cells[`${prefix}month`] ?? '', day: cells[`${prefix}day`] ?? '' };
  if (year === '') {
    if (prefix === 'end' && (parts.month !== '' || parts.day !== '')) report('End Year', 'an end date needs a year: the end date is ignored');
    return prefix === '' ? {} : undefined;
  }
  const time = cells[`${prefix}time`] ?? '';
  if (time !== '') {
    const clock = clockParts(time);
    if (clock) Object.assign(parts, clock);
    else report(prefix ? 'End Time' : 'Time', `"${time}" is not a time of day (HH:MM): the time is ignored`);
  }
  return parts;
}

/** Reads the rows of a TimelineJS spreadsheet (header first) as draft events. */
export function importTimelineJsSheet(rows: readonly string[][], options: DraftOptions, problems: ImportProblem[]): ImportResult {
  const [header = [], ...body] = rows;
  const keys = header.map(sheetKey);
  const result: ImportResult = { drafts: [], problems };
  body.forEach((row, i) => {
    const origin = `row ${i + 2}`;
    const report = (field: string, reason: string) => problems.push({ origin, field, reason });
    const cells: Cells = Object.fromEntries(keys.map((key, k) => [key, (row[k] ?? '').trim()]));
    const kind = cells.type?.toLowerCase() ?? '';
    if (kind === 'title') {
      result.title ??= htmlToText(cells.headline ?? '') || undefined;
      result.summary ??= htmlToText(cells.text ?? '') || undefined;
      return;
    }
    if (kind === 'era') return report('Type', 'eras are not imported (a story has none)');
    const end = sheetDate(cells, 'end', report);
    const slide = {
      start_date: sheetDate(cells, '', report),
      ...(end && { end_date: end }),
      ...(cells.displaydate && { display_date: cells.displaydate }),
      text: { headline: cells.headline ?? '', text: cells.text ?? '' },
      ...(cells.group && { group: cells.group }),
      ...(cells.media && { media: { url: cells.media, credit: cells.mediacredit ?? '' } }),
    };
    result.drafts.push(draftFromFields(slideFields(slide, origin, problems), origin, options, problems));
  });
  reportDuplicateIds(result.drafts, problems);
  return result;
}
