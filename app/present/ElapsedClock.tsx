'use client';

import { formatElapsed } from './formatElapsed';
import { usePresenter } from './PresenterContext';
import { useNowMs } from './useBriefingStart';

/** Time since the briefing started (its first play or its first moment). */
export function ElapsedClock() {
  const { startedAtMs } = usePresenter();
  const now = useNowMs();
  return (
    <p className="present-elapsed" data-testid="elapsed-clock" data-started={startedAtMs !== null}>
      <span className="present-side-label">Elapsed</span>
      <span className="present-elapsed-time">
        {startedAtMs === null ? (
          <>
            <span aria-hidden="true">--:--</span>
            <span className="visually-hidden">not started</span>
          </>
        ) : (
          formatElapsed(now - startedAtMs)
        )}
      </span>
    </p>
  );
}
