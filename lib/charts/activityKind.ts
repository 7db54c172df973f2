import { assertNever } from '../assertNever';
import type { EventType } from '../events/schema';

/** Kinetic (strikes) against diplomatic (meetings, proposals); the other types are neither. */
export type ActivityKind = 'kinetic' | 'diplomatic';

export function activityKindOf(type: EventType): ActivityKind | null {
  switch (type) {
    case 'strike':
      return 'kinetic';
    case 'meeting':
    case 'proposal':
      return 'diplomatic';
    case 'statement':
    case 'claim':
    case 'background':
      return null;
    default:
      return assertNever(type, 'event type');
  }
}
