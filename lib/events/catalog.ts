import { eventSpan } from './eventSpan';
import type { Story } from './checkStory';
import type { Scenario, StoryEvent } from './schema';

export interface StorySpan {
  /** ISO instants: the earliest known start and the latest known end of the story's events. */
  start: string;
  end: string;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  published: string;
  eventCount: number;
  span: StorySpan | null;
}

/** The span of a list of events, from the earliest bound to the latest, or `null` for no events. */
export function storySpanMs(events: readonly StoryEvent[]): { startMs: number; endMs: number } | null {
  if (events.length === 0) return null;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const event of events) {
    const span = eventSpan(event);
    startMs = Math.min(startMs, span.startMs ?? span.anchorMs);
    endMs = Math.max(endMs, span.endMs ?? span.anchorMs);
  }
  return { startMs, endMs };
}

export function summarizeStory(story: Story): ScenarioSummary {
  const span = storySpanMs(story.events);
  return {
    id: story.scenario.id,
    title: story.scenario.title,
    summary: story.scenario.summary,
    published: story.scenario.published,
    eventCount: story.events.length,
    span: span && { start: new Date(span.startMs).toISOString(), end: new Date(span.endMs).toISOString() },
  };
}

/** A story's content version: it changes whenever anything a client loads of the story changes. */
export type StoryVersioner = (story: Story) => string;

/** The stories the app serves, by id, each with its content version. Immutable once built. */
export class StoryCatalog {
  private readonly byId: ReadonlyMap<string, Story>;
  private readonly summaryById: ReadonlyMap<string, ScenarioSummary>;
  private readonly versionById: ReadonlyMap<string, string>;

  constructor(stories: readonly Story[], versionOf: StoryVersioner) {
    this.byId = new Map(stories.map((story) => [story.scenario.id, story]));
    this.summaryById = new Map(stories.map((story) => [story.scenario.id, summarizeStory(story)]));
    this.versionById = new Map(stories.map((story) => [story.scenario.id, versionOf(story)]));
  }

  /** The content version of the story (its `ETag` and the `storyVersion` of its rooms' snapshots). */
  version(id: string): string | undefined {
    return this.versionById.get(id);
  }

  summary(id: string): ScenarioSummary | undefined {
    return this.summaryById.get(id);
  }

  get(id: string): Story | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  summaries(): ScenarioSummary[] {
    return this.ids().map((id) => this.summaryById.get(id) as ScenarioSummary);
  }
}

export type { Scenario, StoryEvent };
