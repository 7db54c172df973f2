'use client';

import type { ScenarioSummary } from '@/lib/events/catalog';
import { formatDay } from '@/lib/events/formatStoryDate';

interface StoryPickerProps {
  stories: readonly ScenarioSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
}

function spanText(summary: ScenarioSummary): string {
  if (!summary.span) return `${summary.eventCount} events`;
  return `${summary.eventCount} events, ${formatDay(Date.parse(summary.span.start))} – ${formatDay(Date.parse(summary.span.end))}`;
}

/** One radio button per story. */
export function StoryPicker({ stories, selectedId, onSelect }: StoryPickerProps) {
  return (
    <fieldset className="briefing-stories">
      <legend>Story</legend>
      {stories.map((story) => (
        <label key={story.id} className="briefing-story" data-scenario-id={story.id}>
          <input type="radio" name="story" value={story.id} checked={selectedId === story.id} onChange={() => onSelect(story.id)} />
          <span className="briefing-story-text">
            <span className="briefing-story-title">{story.title}</span>
            <span className="muted">{spanText(story)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
