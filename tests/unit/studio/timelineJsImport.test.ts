import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { draftToEvent } from '@/lib/studio/draftEvent';
import { exportTimelineJs, importTimelineJs } from '@/lib/studio/timelineJsInterop';

const SOURCE = 'Last week, talks began in Geneva. They ended without a deal.';
const EVENT: StoryEvent = {
  id: 'geneva-talks', type: 'meeting', title: 'Talks begin <in Geneva> & go on', summary: 'Talks began in Geneva.',
  time: { kind: 'point', date: '2025-04-14', precision: 'week', asWritten: 'Last week' },
  actors: [{ name: 'Delegates', role: 'Negotiators' }], location: { name: 'Geneva' }, casualties: { injured: { count: 0, qualifier: 'exact' } },
  quote: { text: 'talks began in Geneva', start: 11, end: 32 }, attribution: 'the article', importance: 3, tags: ['talks'], related: ['other-event'],
};
const exported = () => exportTimelineJs({ title: 'A story', summary: 'Its summary.' }, [EVENT]);

describe('importTimelineJs', () => {
  it('brings back a slide Sitrep exported whole, and the title slide as the story title', () => {
    const { drafts, problems, title, summary } = importTimelineJs(JSON.stringify(exported()), { sourceText: SOURCE });
    expect(problems).toEqual([]);
    expect(draftToEvent(drafts[0]!)).toEqual(EVENT);
    expect({ title, summary }).toEqual({ title: 'A story', summary: 'Its summary.' });
  });

  it('escapes the headline for TimelineJS, which reads it as HTML', () => {
    expect(exported().events[0]?.text?.headline).toBe('Talks begin &lt;in Geneva&gt; &amp; go on');
  });

  it('reads the time from the dates when they were changed after export, and says so', () => {
    const doc = exported();
    doc.events[0]!.start_date = { year: 2025, month: 4, day: 15 };
    doc.events[0]!.end_date = undefined;
    const { drafts, problems } = importTimelineJs(JSON.stringify(doc));
    expect(problems).toEqual([{ origin: 'events[0]', field: 'start_date', reason: expect.stringMatching(/changed since export/) }]);
    expect(drafts[0]?.time).toEqual({ kind: 'point', date: '2025-04-15', precision: 'day', asWritten: 'Last week' });
  });

  it('reads a slide from another tool: what TimelineJS has, and a need for everything else', () => {
    const foreign = {
      title: { text: { headline: 'Elsewhere' } },
      events: [
        { start_date: { year: '2024', month: '3' }, text: { headline: '<b>Budget</b> passed', text: '<p>The budget passed.</p>' }, group: 'Politics', display_date: 'in March' },
        { start_date: { year: 2024, month: 2, day: 30 }, text: { headline: 'Bad day' } },
        { text: { headline: 'No date' } },
        { unique_id: 'Budget passed', start_date: { year: 2024 }, text: { headline: 'Same id' }, media: { url: 'https://example.org/a.jpg' } },
      ],
      eras: [{ start_date: { year: 2024 }, end_date: { year: 2025 } }],
    };
    const { drafts, problems } = importTimelineJs(JSON.stringify(foreign));
    expect(drafts[0]).toMatchObject({
      id: 'budget-passed', title: 'Budget passed', summary: 'The budget passed.',
      time: { kind: 'point', date: '2024-03-01', precision: 'month', asWritten: 'in March' },
      needs: ['type', 'attribution', 'importance', 'quote'],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { origin: 'file', field: 'eras', reason: 'eras are not imported (a story has none)' },
        { origin: 'events[0]', field: 'type', reason: expect.stringMatching(/unknown type "Politics"/) },
        { origin: 'events[1]', field: 'start_date.day', reason: expect.stringMatching(/February 2024 has 29 days/) },
        { origin: 'events[2]', field: 'start_date', reason: expect.stringMatching(/expected a date object/) },
        { origin: 'events[3]', field: 'media', reason: 'media are not imported (a story event has none)' },
        { origin: 'events[3]', field: 'unique_id', reason: '"Budget passed" is not an id: the draft uses "budget-passed"' },
        { origin: 'events[3]', field: 'time.asWritten', reason: expect.stringMatching(/no words for the time/) },
        { origin: 'events[3]', field: 'id', reason: 'duplicate id "budget-passed": already used by events[0]' },
      ]),
    );
    expect(drafts[1]?.time).toBeUndefined();
    expect(drafts[1]?.needs).toContain('time');
    expect(drafts[3]?.needs).toEqual(['id', 'type', 'summary', 'time', 'attribution', 'importance', 'quote']);
    expect(drafts[3]?.time).toEqual({ kind: 'point', date: '2024-01-01', precision: 'year', asWritten: '' });
  });

  it.each([
    { name: 'text that is not JSON', text: '{ "events": [', reason: /not JSON/ },
    { name: 'JSON without events', text: '{ "slides": [] }', reason: /expected an object with an "events" list/ },
  ])('refuses $name', ({ text, reason }) => {
    const { drafts, problems } = importTimelineJs(text);
    expect(drafts).toEqual([]);
    expect(problems[0]?.reason).toMatch(reason);
  });
});
