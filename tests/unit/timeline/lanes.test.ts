import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import { describe, expect, it } from 'vitest';
import { LANE_IDS, LANE_LABELS, laneIndex, laneOf, type LaneId } from '@/lib/timeline/lanes';

describe('lanes', () => {
  it.each<[EventType, LaneId, string, number]>([
    ['strike', 'kinetic', 'Strike', 0],
    ['meeting', 'diplomatic', 'Meeting', 1],
    ['proposal', 'diplomatic', 'Proposal', 1],
    ['statement', 'statements', 'Statement', 2],
    ['claim', 'claims', 'Claim', 3],
    ['background', 'background', 'Background', 4],
  ])('%s goes in the %s lane', (type, lane, label, index) => {
    expect(laneOf(type)).toBe(lane);
    expect(eventTypeLabel(type)).toBe(label);
    expect(laneIndex(lane)).toBe(index);
  });

  it('has one label per lane, in order, and every lane holds some type', () => {
    expect(LANE_IDS.map((lane) => LANE_LABELS[lane])).toEqual(['Kinetic', 'Diplomatic', 'Statements', 'Claims', 'Background']);
    expect(new Set(EVENT_TYPES.map(laneOf))).toEqual(new Set(LANE_IDS));
  });

  it('refuses an unknown type', () => {
    expect(() => laneOf('rumour' as EventType)).toThrow('Unexpected event type: "rumour"');
  });
});
