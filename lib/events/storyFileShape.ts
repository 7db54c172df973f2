import type { Scenario, StoryEvent, StoryTime } from './schema';

/** A time as story files write it: the in-memory `kind` is left out (the fields say which it is). */
function fileTime(time: StoryTime): Record<string, unknown> {
  if (time.kind === 'point') return { date: time.date, precision: time.precision, asWritten: time.asWritten };
  return { ...(time.start && { start: time.start }), ...(time.end && { end: time.end }), asWritten: time.asWritten };
}

/**
 * An event as a format 2 events.json holds it: what the checker reads back to the same event. Whatever format the
 * story was read from, it is written in the current one.
 */
export function toStoryFileEvent(event: StoryEvent): Record<string, unknown> {
  return { ...event, time: fileTime(event.time) };
}

/** A scenario as a format 2 scenario.json holds it (the in-memory scenario is already in the current format). */
export function toStoryFileScenario(scenario: Scenario): Record<string, unknown> {
  return { ...scenario };
}
