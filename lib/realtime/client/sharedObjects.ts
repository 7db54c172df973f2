import type { StoryEvent } from '../../events/schema';
import { samePresentation, type Presentation } from '../../replay/presentation';

/**
 * Keeps one object per event (by id) and per unchanged presentation across the snapshots of one room, so that a
 * snapshot after a seek hands the page the event objects it already has. Everything cached per event object
 * (time spans, timeline marks, chart placements) then stays valid, and a list that only grew shares its prefix.
 * The cache is replaced when the room's epoch or story changes: ids are only stable within one story.
 */
/** Which objects may be shared: those of one story and room epoch (ids are only stable within one story). */
export function sharingKey(room: { scenarioId: string; epoch: string }): string {
  return `${room.scenarioId}/${room.epoch}`;
}

export class SharedObjects {
  private key = '';
  private readonly eventsById = new Map<string, StoryEvent>();
  private presentation: Presentation | undefined;

  /** Starts over when `key` (story and epoch) differs from the last one. */
  private use(key: string): void {
    if (key === this.key) return;
    this.key = key;
    this.eventsById.clear();
    this.presentation = undefined;
  }

  event(key: string, event: StoryEvent): StoryEvent {
    this.use(key);
    const known = this.eventsById.get(event.id);
    if (known) return known;
    this.eventsById.set(event.id, event);
    return event;
  }

  events(key: string, events: readonly StoryEvent[]): StoryEvent[] {
    return events.map((event) => this.event(key, event));
  }

  presentationOf(key: string, presentation: Presentation): Presentation {
    this.use(key);
    const known = this.presentation;
    if (known && samePresentation(known, presentation)) return known;
    this.presentation = presentation;
    return presentation;
  }
}
