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

interface CatalogEntry {
  story: Story;
  summary: ScenarioSummary;
  version: string;
}

/**
 * The stories the app serves, by id, each with its content version. Stories are added, replaced or withdrawn whole
 * (`put`, `withdraw`) when their folders change; a reader never sees a story without its summary and version. A
 * room keeps the story object it started with, so replacing a story here never changes a room's replay.
 */
export class StoryCatalog {
  private entries: ReadonlyMap<string, CatalogEntry>;

  constructor(
    stories: readonly Story[],
    private readonly versionOf: StoryVersioner,
  ) {
    this.entries = new Map(stories.map((story) => [story.scenario.id, this.entryOf(story)]));
  }

  /** The content version of the story (its `ETag` and the `storyVersion` of its rooms' snapshots). */
  version(id: string): string | undefined {
    return this.entries.get(id)?.version;
  }

  summary(id: string): ScenarioSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  get(id: string): Story | undefined {
    return this.entries.get(id)?.story;
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  summaries(): ScenarioSummary[] {
    return this.ids().map((id) => (this.entries.get(id) as CatalogEntry).summary);
  }

  /** Adds the story, or replaces the one of the same id; returns its version. */
  put(story: Story): string {
    const entry = this.entryOf(story);
    const next = new Map(this.entries);
    next.set(story.scenario.id, entry);
    this.entries = next;
    return entry.version;
  }

  /** Stops serving the story (its folder is gone). */
  withdraw(id: string): void {
    if (!this.entries.has(id)) return;
    const next = new Map(this.entries);
    next.delete(id);
    this.entries = next;
  }

  private entryOf(story: Story): CatalogEntry {
    return { story, summary: summarizeStory(story), version: this.versionOf(story) };
  }
}

export type { Scenario, StoryEvent };
