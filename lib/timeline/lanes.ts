import { type EventType } from '../events/eventTypes';
import { assertNever } from '../assertNever';

/** The timeline's horizontal lanes, top to bottom: one per kind of event. */
export const LANE_IDS = ['kinetic', 'diplomatic', 'statements', 'claims', 'background'] as const;
export type LaneId = (typeof LANE_IDS)[number];

export const LANE_LABELS: Readonly<Record<LaneId, string>> = {
  kinetic: 'Kinetic',
  diplomatic: 'Diplomatic',
  statements: 'Statements',
  claims: 'Claims',
  background: 'Background',
};

/** The lane an event type is drawn in. */
export function laneOf(type: EventType): LaneId {
  switch (type) {
    case 'strike':
      return 'kinetic';
    case 'meeting':
    case 'proposal':
      return 'diplomatic';
    case 'statement':
      return 'statements';
    case 'claim':
      return 'claims';
    case 'background':
      return 'background';
    default:
      return assertNever(type, 'event type');
  }
}

/** Position of a lane from the top (0 = first). */
export function laneIndex(lane: LaneId): number {
  return LANE_IDS.indexOf(lane);
}

