import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadFilename, downloadHeaders } from '@/lib/api/storyDownloads';
import { csvColumns } from '@/lib/studio/csvColumns';

describe('download file names', () => {
  it.each([
    { id: '2025-04-putin-trump', format: 'csv' as const, name: '2025-04-putin-trump.csv' },
    { id: 'a-story', format: 'timelinejs' as const, name: 'a-story.timeline.json' },
    { id: '../"evil"\r\nx', format: 'zip' as const, name: 'evil-x.zip' },
    { id: '"', format: 'zip' as const, name: 'story.zip' },
  ])('$id as $format: $name', ({ id, format, name }) => {
    expect(downloadFilename(id, format)).toBe(name);
    expect(downloadHeaders(id, format)['content-disposition']).toBe(`attachment; filename="${name}"`);
  });
});

describe('docs/interop.md', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/interop.md'), 'utf8');
  it.each(csvColumns(1).map((c) => c.name))('documents the CSV column %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });
});
