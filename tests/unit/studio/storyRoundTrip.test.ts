import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@/lib/events/checkStory';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';
import { exportCsv, importCsv } from '@/lib/studio/csvInterop';
import { draftToEvent } from '@/lib/studio/draftEvent';
import { exportTimelineJs, importTimelineJs } from '@/lib/studio/timelineJsInterop';

const ARTICLE_STORY = path.resolve(import.meta.dirname, '../../../events/2025-04-putin-trump');

// The "Done when": TimelineJS and CSV round-trip on the article's story.
describe("round trip of the article's story", () => {
  let story: Story;
  beforeAll(async () => {
    const read = await readStoryFolder(ARTICLE_STORY);
    if (!read.ok) throw new Error(`the article's story does not load: ${JSON.stringify(read.failure.problems)}`);
    story = read.story;
  });

  it('CSV: every event comes back whole, its quote verified in the source', () => {
    const { drafts, problems } = importCsv(exportCsv(story.events), { sourceText: story.sourceText });
    expect(problems).toEqual([]);
    expect(drafts.every((d) => d.needs.length === 0)).toBe(true);
    expect(drafts.map(draftToEvent)).toEqual(story.events);
  });

  it('TimelineJS: every event comes back whole, through the slide fields and the fields kept beside them', () => {
    const text = JSON.stringify(exportTimelineJs(story.scenario, story.events));
    const { drafts, problems, title, summary } = importTimelineJs(text, { sourceText: story.sourceText });
    expect(problems).toEqual([]);
    expect(drafts.map(draftToEvent)).toEqual(story.events);
    expect({ title, summary }).toEqual({ title: story.scenario.title, summary: story.scenario.summary });
  });

  it('TimelineJS without the kept fields: id, type, title, summary, time and attribution survive; the rest is needed again', () => {
    const doc = exportTimelineJs(story.scenario, story.events);
    const { drafts, problems } = importTimelineJs(JSON.stringify({ ...doc, events: doc.events.map(({ sitrep: _kept, ...slide }) => slide) }));
    expect(problems).toEqual([]);
    drafts.forEach((draft, i) => {
      const event = story.events[i]!;
      expect(draft).toMatchObject({ id: event.id, type: event.type, title: event.title, summary: event.summary, time: event.time, attribution: event.attribution });
      expect(draft.quote).toEqual({ text: event.quote.text });
      expect(draft.needs).toEqual(['importance', 'quote']);
    });
  });

});
