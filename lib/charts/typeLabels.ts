import { EVENT_TYPE_WORDS } from '../events/eventTypeLabels';
import { EVENT_TYPES, type EventType } from '../events/eventTypes';
import type { ActivityKind } from './activityKind';

/** Series names of event types, as a legend or a table column says them. */
export const EVENT_TYPE_SERIES_LABELS: Record<EventType, string> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, EVENT_TYPE_WORDS[type].plural]),
) as Record<EventType, string>;

export const ACTIVITY_SERIES_LABELS: Record<ActivityKind, string> = {
  kinetic: 'Strikes',
  diplomatic: 'Meetings and proposals',
};
