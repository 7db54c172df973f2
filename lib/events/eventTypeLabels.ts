import { type EventType } from './eventTypes';

interface TypeWords {
  /** For chips, badges and accessible names: "Strike". */
  label: string;
  /** For sentences: "New strike: …". */
  noun: string;
  /** For legends and table columns: "Strikes". */
  plural: string;
}

/** How each event type is said to people. */
export const EVENT_TYPE_WORDS: Readonly<Record<EventType, TypeWords>> = {
  strike: { label: 'Strike', noun: 'strike', plural: 'Strikes' },
  meeting: { label: 'Meeting', noun: 'meeting', plural: 'Meetings' },
  statement: { label: 'Statement', noun: 'statement', plural: 'Statements' },
  proposal: { label: 'Proposal', noun: 'proposal', plural: 'Proposals' },
  claim: { label: 'Claim', noun: 'claim', plural: 'Claims' },
  background: { label: 'Background', noun: 'background event', plural: 'Background' },
};

export const eventTypeLabel = (type: EventType): string => EVENT_TYPE_WORDS[type].label;
export const eventTypeNoun = (type: EventType): string => EVENT_TYPE_WORDS[type].noun;
