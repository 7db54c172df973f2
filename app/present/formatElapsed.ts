const MS_PER_SECOND = 1_000;

/** Time since the briefing started as "mm:ss" (minutes keep counting past 59: "75:03"); never negative. */
export function formatElapsed(elapsedMs: number): string {
  const totalSeconds = Number.isFinite(elapsedMs) ? Math.max(0, Math.floor(elapsedMs / MS_PER_SECOND)) : 0;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
