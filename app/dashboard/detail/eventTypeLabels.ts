import { assertNever } from '@/lib/assertNever';
import type { EventType } from '@/lib/events/schema';

/** The event type as a lower-case noun, for sentences: "New strike: …". */
export function eventTypeNoun(type: EventType): string {
  switch (type) {
    case 'strike':
      return 'strike';
    case 'meeting':
      return 'meeting';
    case 'statement':
      return 'statement';
    case 'proposal':
      return 'proposal';
    case 'claim':
      return 'claim';
    case 'background':
      return 'background event';
    default:
      return assertNever(type, 'event type');
  }
}

/** The event type as a short label, for chips and badges: "Strike", "Background". */
export function eventTypeLabel(type: EventType): string {
  switch (type) {
    case 'strike':
      return 'Strike';
    case 'meeting':
      return 'Meeting';
    case 'statement':
      return 'Statement';
    case 'proposal':
      return 'Proposal';
    case 'claim':
      return 'Claim';
    case 'background':
      return 'Background';
    default:
      return assertNever(type, 'event type');
  }
}
