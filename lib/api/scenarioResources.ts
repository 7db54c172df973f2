import type { ScenarioSummary, StoryCatalog } from '../events/catalog';
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

export function scenarioDetail(catalog: StoryCatalog, id: string): ScenarioDetail | undefined {
  const story = catalog.get(id);
  const storyVersion = catalog.version(id);
  if (!story || storyVersion === undefined) return undefined;
  const summary = catalog.summary(id) as ScenarioSummary;
  return { scenario: story.scenario, summary, events: story.events, storyVersion };
}

/** Each catalog's story bodies, serialised once: a large story is hundreds of kilobytes of JSON. */
const detailJsonByCatalog = new WeakMap<StoryCatalog, Map<string, string>>();

/** `scenarioDetail` as JSON text, built once per story of a catalog. */
export function scenarioDetailJson(catalog: StoryCatalog, id: string): string | undefined {
  let bodies = detailJsonByCatalog.get(catalog);
  if (!bodies) detailJsonByCatalog.set(catalog, (bodies = new Map()));
  const known = bodies.get(id);
  if (known !== undefined) return known;
  const detail = scenarioDetail(catalog, id);
  if (!detail) return undefined;
  const json = JSON.stringify(detail);
  bodies.set(id, json);
  return json;
}
