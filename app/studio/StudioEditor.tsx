'use client';

import { useEffect, useMemo, useState } from 'react';
import type { DraftStory } from '@/lib/studio/draftStory';
import { occurrencesOf, type Occurrence } from '@/lib/studio/occurrences';
import type { Passage } from '@/lib/studio/passageOffsets';
import type { ProblemTarget } from '@/lib/studio/problemFields';
import type { EditorKeyState } from './editorKey';
import { EventForm } from './EventForm';
import { EventList } from './EventList';
import { ImportEvents } from './ImportEvents';
import { OccurrencePicker } from './OccurrencePicker';
import { ProblemList } from './ProblemList';
import { SaveBar } from './SaveBar';
import { SourceText } from './SourceText';
import { SourceTextInput } from './SourceTextInput';
import { StoryDetailsFields } from './StoryDetailsFields';
import { StudioPreview } from './StudioPreview';
import { useDraftCheck } from './useDraftCheck';
import { useStudioDraft } from './useStudioDraft';

interface StudioEditorProps {
  initial: DraftStory;
  /** The stored version the story was loaded at; null for a new story. */
  initialVersion: string | null;
  editor: EditorKeyState;
}

/** The studio's editing surface: the story's details, its source, its events, the live check, the preview, save. */
export function StudioEditor({ initial, initialVersion, editor }: StudioEditorProps) {
  const draft = useStudioDraft(initial);
  const { story, selectedIndex } = draft;
  const [baseVersion, setBaseVersion] = useState(initialVersion);
  const [picking, setPicking] = useState<{ occurrences: Occurrence[]; selectedStart: number; requote: number | null } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const { files, check } = useDraftCheck(story);
  const canEdit = editor.key !== undefined;

  useEffect(() => {
    if (!focusId) return;
    const control = document.getElementById(focusId);
    if (control) {
      control.focus();
      control.scrollIntoView({ block: 'center' });
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the focus request is served once the control exists
      setFocusId(null);
    }
  }, [focusId, selectedIndex, story]);

  const knownActors = useMemo(() => new Map(story.events.flatMap((e) => e.actors).filter((a) => a.name.trim()).map((a) => [a.name, a.role])), [story.events]);
  const takenIds = useMemo(() => new Set(story.events.map((e) => e.id)), [story.events]);
  const knownPlaces = useMemo(() => [...new Set(story.events.map((e) => e.place.trim()).filter(Boolean))], [story.events]);

  /** A passage quoted: a new event, or (`requote`) the new quote of an event; a passage found twice asks which. */
  const applyQuote = (quoted: Passage, requote: number | null) => {
    if (requote === null) draft.addEvent(quoted);
    else draft.updateEvent(requote, { quote: quoted });
    setFocusId(requote === null ? 'event-title' : 'event-quote');
  };
  const quote = (passage: Passage, requote: number | null = null) => {
    const occurrences = occurrencesOf(story.sourceText, passage.text);
    if (occurrences.length > 1) return setPicking({ occurrences, selectedStart: passage.start, requote });
    applyQuote(passage, requote);
  };
  const focusProblem = (target: ProblemTarget) => {
    if (target.eventIndex !== undefined) draft.select(target.eventIndex);
    setFocusId(target.controlId);
  };
  const selected = selectedIndex === null ? undefined : story.events[selectedIndex];
  const problems = check?.problems;

  return (
    <div className="studio-layout">
      <div className="studio-main">
        <fieldset className="studio-editing" disabled={!canEdit}>
          <legend className="visually-hidden">{canEdit ? 'Editing' : 'Editing (sign in to edit)'}</legend>
          <StoryDetailsFields scenario={story.scenario} idEditable={baseVersion === null} onChange={draft.updateScenario} />
          {story.sourceText === '' && <SourceTextInput onText={(sourceText) => draft.replaceSource(sourceText)} />}
        </fieldset>
        {story.sourceText !== '' && (
          <SourceText
            text={story.sourceText}
            canQuote={canEdit}
            onQuote={(passage) => quote(passage)}
            requoteTarget={selectedIndex === null ? undefined : `event ${selectedIndex + 1}`}
            onRequote={(passage) => selectedIndex !== null && quote(passage, selectedIndex)}
          />
        )}
        {picking && (
          <OccurrencePicker
            occurrences={picking.occurrences}
            selectedStart={picking.selectedStart}
            onPick={(occurrence) => {
              setPicking(null);
              applyQuote({ text: occurrence.text, start: occurrence.start, end: occurrence.end }, picking.requote);
            }}
            onCancel={() => setPicking(null)}
          />
        )}
        {canEdit && story.sourceText !== '' && (
          <ImportEvents sourceText={story.sourceText} published={story.scenario.published} takenIds={takenIds} onImport={draft.addEvents} />
        )}
        <EventList events={story.events} selectedIndex={selectedIndex} onSelect={(index) => { draft.select(index); setFocusId('event-form-heading'); }} />
        {selected && selectedIndex !== null && (
          <fieldset className="studio-editing" disabled={!canEdit}>
            <legend className="visually-hidden">Event {selectedIndex + 1}</legend>
            <EventForm
              index={selectedIndex}
              event={selected}
              events={story.events}
              sourceText={story.sourceText}
              published={story.scenario.published}
              knownActors={knownActors}
              knownPlaces={knownPlaces}
              onChange={(patch) => draft.updateEvent(selectedIndex, patch)}
              onRemove={() => draft.removeEvent(selectedIndex)}
              onClose={() => draft.select(null)}
            />
          </fieldset>
        )}
      </div>
      <aside className="studio-side" aria-label="Check and save">
        <ProblemList problems={problems} onFocus={focusProblem} />
        {editor.key && (
          <SaveBar
            storyId={story.scenario.id}
            baseVersion={baseVersion}
            files={files}
            problems={problems}
            editorKey={editor.key}
            onSaved={setBaseVersion}
            onKeyRefused={editor.signOut}
          />
        )}
      </aside>
      <StudioPreview story={check?.preview} />
    </div>
  );
}
