import { summarizeStory, type ScenarioSummary, type StoryCatalog } from '../events/catalog';
import type { Story } from '../events/checkStory';
import type { Scenario, StoryEvent } from '../events/schema';

export interface ScenarioList {
  scenarios: ScenarioSummary[];
}

export interface ScenarioDetail {
  scenario: Scenario;
  summary: ScenarioSummary;
  /** The story's events in story order: the order a room releases them in. */
  events: StoryEvent[];
  /** The story's content version, also its `ETag` and the `storyVersion` of its rooms' snapshots. */
  storyVersion: string;
}

export function scenarioList(catalog: StoryCatalog): ScenarioList {
  return { scenarios: catalog.summaries() };
}

/** The detail of one version of a story (the catalog's newest, or an older one a room still replays). */
export function storyDetail(story: Story, storyVersion: string): ScenarioDetail {
  return { scenario: story.scenario, summary: summarizeStory(story), events: story.events, storyVersion };
}

/** Each story's body, serialised once: a large story is hundreds of kilobytes of JSON. Kept while the story is. */
const detailJsonByStory = new WeakMap<Story, string>();

/** `storyDetail` as JSON text, built once per version of a story. */
export function storyDetailJson(story: Story, storyVersion: string): string {
  const known = detailJsonByStory.get(story);
  if (known !== undefined) return known;
  const json = JSON.stringify(storyDetail(story, storyVersion));
  detailJsonByStory.set(story, json);
  return json;
}
