import type { MomentInput } from '../../../lib/decks/deckSchema';

/** A valid moment input; override what a test is about. */
export function makeMomentInput(overrides: Partial<MomentInput> = {}): MomentInput {
  return {
    storyMs: Date.UTC(2025, 3, 20),
    eventId: 'talks-in-riyadh',
    filter: { types: ['strike', 'meeting'], actors: ['Vladimir Putin'] },
    chart: 'events-per-day',
    note: 'The talks begin.',
    ...overrides,
  };
}
