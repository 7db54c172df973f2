import { describe, expect, it } from 'vitest';
import { checkStory } from '@/lib/events/checkStory';
import { formatProblem } from '@/lib/events/problems';
import { generateStory } from '@/lib/synthetic/generateStory';

function check(events: number, seed: number) {
  const story = generateStory({ events, seed });
  const files = new Map([
    ['scenario.json', JSON.stringify(story.scenario)],
    ['events.json', JSON.stringify(story.events)],
    ['article.txt', story.article],
  ]);
  return { story, result: checkStory({ folder: story.id, folderName: story.id, files }) };
}

describe('generateStory', () => {
  it.each([1, 10, 1_000, 5_000])('makes a valid story of %i events', (events) => {
    const { result } = check(events, 7);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(result.story.events).toHaveLength(events);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateStory({ events: 300, seed: 1 })).toEqual(generateStory({ events: 300, seed: 1 }));
    expect(generateStory({ events: 300, seed: 2 }).article).not.toEqual(generateStory({ events: 300, seed: 1 }).article);
  });

  it('mixes types, precisions, places and casualties — with tolls left unreported, never set to 0', () => {
    const { result } = check(5_000, 3);
    if (!result.ok) throw new Error('invalid');
    const events = result.story.events;
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual(['background', 'claim', 'meeting', 'proposal', 'statement', 'strike']);
    const precisions = new Set(events.map((e) => (e.time.kind === 'point' ? e.time.precision : e.time.start ? 'range' : 'end-only')));
    expect([...precisions].sort()).toEqual(['day', 'end-only', 'exact', 'month', 'range', 'season', 'week', 'year']);
    const strikes = events.filter((e) => e.type === 'strike');
    const unreported = strikes.filter((e) => e.casualties === undefined).length;
    expect(unreported / strikes.length).toBeGreaterThan(0.2);
    expect(unreported / strikes.length).toBeLessThan(0.4);
    expect(events.every((e) => e.casualties === undefined || (e.casualties.killed?.count ?? 1) > 0)).toBe(true);
    expect(new Set(events.map((e) => e.location?.name)).size).toBeGreaterThan(5);
    expect(events.every((e) => e.quote.text === result.story.sourceText.slice(e.quote.start, e.quote.end))).toBe(true);
  });

  it('writes story format 2: every qualifier, breakdowns, and the words the figures come from', () => {
    const { story, result } = check(2_000, 5);
    if (!result.ok) throw new Error('invalid');
    expect(story.scenario.format).toBe(2);
    const killed = result.story.events.flatMap((e) => (e.casualties?.killed ? [{ figure: e.casualties.killed, quote: e.quote.text }] : []));
    expect(new Set(killed.map((k) => k.figure.qualifier ?? 'breakdown only'))).toEqual(new Set(['exact', 'at-least', 'more-than', 'about', 'breakdown only']));
    const words = { exact: 'killing ', 'at-least': 'killing at least ', 'more-than': 'killing more than ', about: 'killing about ' } as const;
    for (const { figure, quote } of killed) {
      if (figure.count === undefined || figure.qualifier === undefined) {
        expect(quote).toContain(`killing ${figure.civilians?.count} civilian`);
        expect(figure.military).toBeDefined();
      } else {
        expect(quote).toContain(`${words[figure.qualifier]}${figure.count} `);
      }
    }
  });
});
