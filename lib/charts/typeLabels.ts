import type { EventType } from '../events/schema';
import type { ActivityKind } from './activityKind';

/** Series names of event types, as a legend or a table column says them. */
export const EVENT_TYPE_SERIES_LABELS: Record<EventType, string> = {
  strike: 'Strikes',
  meeting: 'Meetings',
  statement: 'Statements',
  proposal: 'Proposals',
  claim: 'Claims',
  background: 'Background',
};

export const ACTIVITY_SERIES_LABELS: Record<ActivityKind, string> = {
  kinetic: 'Strikes',
  diplomatic: 'Meetings and proposals',
};
