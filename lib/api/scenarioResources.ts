import type { ScenarioSummary, StoryCatalog } from '../events/catalog';
import type { Scenario, StoryEvent } from '../events/schema';

export interface ScenarioList {
  scenarios: ScenarioSummary[];
}

export interface ScenarioDetail {
  scenario: Scenario;
  summary: ScenarioSummary;
  /** The story's events in story order. */
  events: StoryEvent[];
}

export function scenarioList(catalog: StoryCatalog): ScenarioList {
  return { scenarios: catalog.summaries() };
}

export function scenarioDetail(catalog: StoryCatalog, id: string): ScenarioDetail | undefined {
  const story = catalog.get(id);
  if (!story) return undefined;
  const summary = catalog.summary(id) as ScenarioSummary;
  return { scenario: story.scenario, summary, events: story.events };
}
