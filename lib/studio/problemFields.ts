import type { StoryProblem } from '../events/problems';

/** Where the studio's form edits the field a problem is about: the event (if any) and the id of its control. */
export interface ProblemTarget {
  eventIndex: number | undefined;
  controlId: string;
}

const SCENARIO_CONTROLS: Readonly<Record<string, string>> = {
  id: 'story-id',
  title: 'story-title',
  summary: 'story-summary',
  published: 'story-published',
  'source.citation': 'story-source-name',
  'source.url': 'story-source-url',
};

const EVENT_CONTROLS: ReadonlyArray<[RegExp, string]> = [
  [/^id$/, 'event-id'],
  [/^type$/, 'event-type'],
  [/^title$/, 'event-title'],
  [/^summary$/, 'event-summary'],
  [/^attribution$/, 'event-attribution'],
  [/^importance$/, 'event-importance'],
  [/^location/, 'event-place'],
  [/^casualties\.killed\.civilians/, 'event-casualties-killed-civilians'],
  [/^casualties\.killed\.military/, 'event-casualties-killed-military'],
  [/^casualties\.killed\.children/, 'event-casualties-killed-children'],
  [/^casualties\.killed\.qualifier/, 'event-casualties-killed-qualifier'],
  [/^casualties\.killed/, 'event-casualties-killed'],
  [/^casualties\.injured\.civilians/, 'event-casualties-injured-civilians'],
  [/^casualties\.injured\.military/, 'event-casualties-injured-military'],
  [/^casualties\.injured\.children/, 'event-casualties-injured-children'],
  [/^casualties\.injured\.qualifier/, 'event-casualties-injured-qualifier'],
  [/^casualties\.injured/, 'event-casualties-injured'],
  [/^time\.date/, 'event-time-date'],
  [/^time\.precision/, 'event-time-precision'],
  [/^time\.start/, 'event-time-start-date'],
  [/^time\.end/, 'event-time-end-date'],
  [/^time\.asWritten/, 'event-time-as-written'],
  [/^time/, 'event-time-mode'],
  [/^quote/, 'event-quote'],
  [/^related/, 'event-related'],
];

/** The control a problem points to; `story-source-text` for the source itself. */
export function problemTarget(problem: StoryProblem): ProblemTarget {
  if (problem.eventIndex !== undefined) {
    const actor = /^actors\[(\d+)\]\.(name|role|asWritten)/.exec(problem.field);
    if (actor) return { eventIndex: problem.eventIndex, controlId: `event-actor-${actor[1]}-${actor[2] === 'asWritten' ? 'as-written' : actor[2]}` };
    const control = EVENT_CONTROLS.find(([pattern]) => pattern.test(problem.field))?.[1] ?? 'event-title';
    return { eventIndex: problem.eventIndex, controlId: control };
  }
  if (problem.file.endsWith('scenario.json')) return { eventIndex: undefined, controlId: SCENARIO_CONTROLS[problem.field] ?? 'story-title' };
  return { eventIndex: undefined, controlId: 'story-title' };
}
