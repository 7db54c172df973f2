/**
 * Story formats. Format 1: casualties are plain numbers (`killed`, `childrenKilled`, `injured`) and actors have no
 * `asWritten`. Format 2 (`"format": 2` in scenario.json): casualty figures carry a qualifier and an optional breakdown,
 * and an actor may keep its name as written in the source. A scenario without `format` is format 1.
 */
export const STORY_FORMATS = [1, 2] as const;
export type StoryFormat = (typeof STORY_FORMATS)[number];

/** The format stories are written in now, and the one shape every story has once read. */
export const CURRENT_STORY_FORMAT = 2 satisfies StoryFormat;

/**
 * The format a scenario's JSON value declares: format 1 when it has no `format` field. An unknown value (which the
 * scenario check refuses) counts as the current format, so that the events are still checked.
 */
export function declaredFormat(scenario: unknown): StoryFormat {
  if (scenario === null || typeof scenario !== 'object' || !('format' in scenario)) return 1;
  return scenario.format === 1 ? 1 : CURRENT_STORY_FORMAT;
}
