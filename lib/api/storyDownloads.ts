import { exportCsv } from '../studio/csvInterop';
import { exportTimelineJs } from '../studio/timelineJsInterop';
import type { Story } from '../events/checkStory';

/** The download formats of a story: `GET /api/scenarios/:id/export?format=…`. */
export const DOWNLOAD_FORMATS = ['timelinejs', 'csv', 'zip'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export function isDownloadFormat(value: string | null): value is DownloadFormat {
  return value !== null && (DOWNLOAD_FORMATS as readonly string[]).includes(value);
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  timelinejs: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  zip: 'application/zip',
};

const EXTENSIONS: Record<DownloadFormat, string> = { timelinejs: '.timeline.json', csv: '.csv', zip: '.zip' };

/** A file name that needs no quoting or escaping anywhere: story ids are slugs already, this makes sure. */
export function downloadFilename(id: string, format: DownloadFormat): string {
  const base = id.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'story';
  return `${base}${EXTENSIONS[format]}`;
}

/** The headers of a download: its type, and `attachment` so that the browser saves it rather than shows it. */
export function downloadHeaders(id: string, format: DownloadFormat): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${downloadFilename(id, format)}"`,
    'cache-control': 'no-store',
  };
}

/** The text of a story in a text format. */
export function storyExportText(story: Story, format: Exclude<DownloadFormat, 'zip'>): string {
  switch (format) {
    case 'timelinejs':
      return `${JSON.stringify(exportTimelineJs(story.scenario, story.events), null, 2)}\n`;
    case 'csv':
      return exportCsv(story.events);
  }
}
