import { type EventType } from '../events/eventTypes';
import { laneOf } from '../timeline/lanes';

/** Kinetic (strikes) against diplomatic (meetings, proposals); the other types are neither. */
export type ActivityKind = 'kinetic' | 'diplomatic';

export function activityKindOf(type: EventType): ActivityKind | null {
  const lane = laneOf(type);
  return lane === 'kinetic' || lane === 'diplomatic' ? lane : null;
}
