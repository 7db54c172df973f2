import type { StoryEvent } from './schema';

export interface ActorNameProblem {
  /** Path inside the event, e.g. `['actors', 1, 'asWritten']`. */
  field: (string | number)[];
  reason: string;
}

/** An actor's name as written must stand in the source verbatim (it keeps the source's spelling, misspellings too). */
export function actorNameProblems(event: Pick<StoryEvent, 'actors'>, sourceText: string, sourceName: string): ActorNameProblem[] {
  const problems: ActorNameProblem[] = [];
  event.actors.forEach((actor, index) => {
    if (actor.asWritten !== undefined && !sourceText.includes(actor.asWritten)) {
      problems.push({ field: ['actors', index, 'asWritten'], reason: `name as written "${actor.asWritten}" not found verbatim in ${sourceName}` });
    }
  });
  return problems;
}
