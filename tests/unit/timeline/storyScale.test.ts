import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, utcMidnight } from '@/lib/events/calendar';
import { storyEventSchema, type StoryEvent } from '@/lib/events/schema';
import { generateStory } from '@/lib/synthetic/generateStory';
import { markOf } from '@/lib/timeline/marks';
import { storyTimeScale } from '@/lib/timeline/storyScale';
import { makeEvent, point } from './fixtures';

const generated = (events: number, seed: number, years: number): StoryEvent[] =>
  generateStory({ events, seed, startMs: utcMidnight(2016, 1, 1), spanDays: 365 * years }).events.map((e) => storyEventSchema.parse(e));

/** The story's extent on the axis over its extent in story time. */
function axisShare(events: readonly StoryEvent[]): number {
  const scale = storyTimeScale(events);
  const marks = events.map(markOf);
  const fromMs = Math.min(...marks.map((m) => m.fromMs));
  const toMs = Math.max(...marks.map((m) => m.toMs));
  return (scale.toAxis(toMs) - scale.toAxis(fromMs)) / (toMs - fromMs);
}

describe('storyTimeScale (generated stories, seeded)', () => {
  it('a dense year of 300 events: no break, a linear axis', () => {
    const events = generated(300, 1, 1);
    expect(storyTimeScale(events).breaks).toEqual([]);
    expect(axisShare(events)).toBe(1);
  });

  it('40 events over eight years: the long empty stretches become breaks, and the axis is much shorter', () => {
    const events = generated(40, 3, 8);
    const scale = storyTimeScale(events);
    expect(scale.breaks.length).toBeGreaterThan(0);
    for (const b of scale.breaks) {
      expect(b.toMs - b.fromMs).toBeGreaterThan(365 * MS_PER_DAY);
      expect(b.label).toMatch(/^gap: 1 year( \d+ months?)? without events \(/);
      // No event is drawn inside a break.
      for (const mark of events.map(markOf)) expect(mark.toMs <= b.fromMs || mark.fromMs >= b.toMs).toBe(true);
    }
    expect(axisShare(events)).toBeLessThan(0.75);
  });

  it('is the same object for the same events array', () => {
    const events = [makeEvent('a', 'strike', 'A', point('2020-01-01', 'day')), makeEvent('b', 'strike', 'B', point('2020-01-02', 'day'))];
    expect(storyTimeScale(events)).toBe(storyTimeScale(events));
  });
});
