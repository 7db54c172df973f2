'use client';

import { useCallback, useMemo, useState } from 'react';
import { newDraftEvent, type DraftEvent, type DraftScenario, type DraftStory } from '@/lib/studio/draftStory';
import type { Passage } from '@/lib/studio/passageOffsets';
import { slugFromTitle, uniqueSlug } from '@/lib/studio/slugFromTitle';

export interface StudioDraft {
  story: DraftStory;
  /** The event open in the form, if any. */
  selectedIndex: number | null;
  select(index: number | null): void;
  updateScenario(patch: Partial<DraftScenario>): void;
  /** Sets the source text of a story that has no event yet. */
  replaceSource(sourceText: string): void;
  /** A new event quoting `quote`, opened in the form. */
  addEvent(quote: Passage): void;
  /** Events made elsewhere (an import), appended. */
  addEvents(events: readonly DraftEvent[]): void;
  updateEvent(index: number, patch: Partial<DraftEvent>): void;
  removeEvent(index: number): void;
}

/** The story being edited, held in the page only until it is saved (a failed save keeps every edit). */
export function useStudioDraft(initial: DraftStory): StudioDraft {
  const [story, setStory] = useState(initial);
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const updateScenario = useCallback((patch: Partial<DraftScenario>) => setStory((s) => ({ ...s, scenario: { ...s.scenario, ...patch } })), []);
  const replaceSource = useCallback((sourceText: string) => setStory((s) => (s.events.length > 0 ? s : { ...s, sourceText })), []);
  const addEvent = useCallback(
    (quote: Passage) => {
      const id = uniqueSlug(slugFromTitle(quote.text, 40) || 'event', new Set(story.events.map((e) => e.id)));
      setStory((s) => ({ ...s, events: [...s.events, newDraftEvent(id, quote, s.scenario.published)] }));
      setSelectedIndex(story.events.length);
    },
    [story.events],
  );
  const addEvents = useCallback((events: readonly DraftEvent[]) => setStory((s) => ({ ...s, events: [...s.events, ...events] })), []);
  const updateEvent = useCallback(
    (index: number, patch: Partial<DraftEvent>) =>
      setStory((s) => {
        const previous = s.events[index];
        if (!previous) return s;
        const next = { ...previous, ...patch };
        const renamed = patch.id !== undefined && patch.id !== previous.id;
        const events = s.events.map((e, i) => {
          if (i === index) return next;
          // A renamed event stays related to the events that named it.
          return renamed ? { ...e, related: e.related.map((r) => (r === previous.id ? next.id : r)) } : e;
        });
        return { ...s, events };
      }),
    [],
  );
  const removeEvent = useCallback((index: number) => {
    setStory((s) => {
      const removed = s.events[index];
      const events = s.events.filter((_, i) => i !== index).map((e) => ({ ...e, related: e.related.filter((r) => r !== removed?.id) }));
      return { ...s, events };
    });
    setSelectedIndex(null);
  }, []);
  return useMemo(
    () => ({ story, selectedIndex, select: setSelectedIndex, updateScenario, replaceSource, addEvent, addEvents, updateEvent, removeEvent }),
    [story, selectedIndex, updateScenario, replaceSource, addEvent, addEvents, updateEvent, removeEvent],
  );
}
