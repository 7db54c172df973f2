'use client';

import { formatProblem, type StoryProblem } from '@/lib/events/problems';
import { problemTarget, type ProblemTarget } from '@/lib/studio/problemFields';

interface ProblemListProps {
  /** Undefined while the checker loads. */
  problems: readonly StoryProblem[] | undefined;
  onFocus(target: ProblemTarget): void;
}

function placeOf(problem: StoryProblem): string {
  const subject = problem.eventIndex !== undefined ? `Event ${problem.eventIndex + 1}${problem.eventId ? ` (${problem.eventId})` : ''}` : 'Story';
  return problem.field ? `${subject}, ${problem.field}` : subject;
}

/** Every problem the story checker finds in the story as edited, each a button that focuses its field. */
export function ProblemList({ problems, onFocus }: ProblemListProps) {
  const state = problems === undefined ? 'loading' : problems.length === 0 ? 'valid' : 'invalid';
  return (
    <section className="studio-problems" aria-labelledby="problems-heading" data-state={state} data-count={problems?.length ?? 0}>
      <h2 id="problems-heading">Check</h2>
      <p role="status">
        {problems === undefined
          ? 'Loading the checker…'
          : problems.length === 0
            ? 'No problem: the story passes every check.'
            : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before saving.`}
      </p>
      {problems && problems.length > 0 && (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${index}-${problem.field}`}>
              <button type="button" className="studio-problem" title={formatProblem(problem)} onClick={() => onFocus(problemTarget(problem))}>
                <strong>{placeOf(problem)}</strong>: {problem.reason}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
