/** Replay speed: story seconds per wall second. */
export const MIN_STORY_SECONDS_PER_SECOND = 1;
export const MAX_STORY_SECONDS_PER_SECOND = 31_536_000;

const HOUR_S = 3_600;
const DAY_S = 24 * HOUR_S;
const WEEK_S = 7 * DAY_S;

export interface RatePreset {
  id: string;
  label: string;
  storySecondsPerSecond: number;
}

export const RATE_PRESETS: readonly RatePreset[] = [
  { id: 'real-time', label: 'Real time', storySecondsPerSecond: 1 },
  { id: 'hour-per-second', label: '1 hour per second', storySecondsPerSecond: HOUR_S },
  { id: 'day-per-10s', label: '1 day per 10 s', storySecondsPerSecond: DAY_S / 10 },
  { id: 'day-per-second', label: '1 day per second', storySecondsPerSecond: DAY_S },
  { id: 'week-per-10s', label: '1 week per 10 s', storySecondsPerSecond: WEEK_S / 10 },
  { id: 'week-per-second', label: '1 week per second', storySecondsPerSecond: WEEK_S },
  { id: 'year-per-second', label: '1 year per second', storySecondsPerSecond: MAX_STORY_SECONDS_PER_SECOND },
];

/** Label for a rate: the preset's name, or "N× real time". */
export function rateLabel(storySecondsPerSecond: number): string {
  const preset = RATE_PRESETS.find((p) => p.storySecondsPerSecond === storySecondsPerSecond);
  return preset ? preset.label : `${Math.round(storySecondsPerSecond).toLocaleString('en-GB')}× real time`;
}
