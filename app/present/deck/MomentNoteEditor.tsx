'use client';

import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { MAX_NOTE_CHARS } from '@/lib/decks/deckLimits';

interface MomentNoteEditorProps {
  note: string;
  /** 1-based, for the controls' names. */
  number: number;
  onSave(note: string): Promise<unknown>;
}

const PREVIEW_CHARS = 140;

function preview(note: string): string {
  return note.length > PREVIEW_CHARS ? `${note.slice(0, PREVIEW_CHARS - 1)}…` : note;
}

/** A moment's note: a preview, and an inline editor that saves on "Save note" or when the focus leaves the field. */
export function MomentNoteEditor({ note, number, onSave }: MomentNoteEditorProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const fieldId = useId();
  const editorRef = useRef<HTMLDivElement>(null);
  const focusEditButton = useRef(false);
  const editButtonRef = (button: HTMLButtonElement | null) => {
    if (!button || !focusEditButton.current) return;
    focusEditButton.current = false;
    button.focus();
  };

  const editing = useRef(false);
  const start = () => {
    editing.current = true;
    setDraft(note);
  };
  const finish = (save: boolean, returnFocus: boolean) => {
    if (!editing.current) return;
    editing.current = false;
    const text = draft;
    focusEditButton.current = returnFocus;
    setDraft(null);
    if (save && text !== null && text !== note) void onSave(text);
  };
  const saveOnBlur = (event: FocusEvent<HTMLTextAreaElement>) => {
    // Moving to "Save note" or "Cancel" leaves the choice to them; leaving for anywhere else saves.
    if (event.relatedTarget instanceof Node && editorRef.current?.contains(event.relatedTarget)) return;
    finish(true, false);
  };
  const cancelOnEscape = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    finish(false, true);
  };

  if (draft === null) {
    return (
      <div className="deck-note">
        <p className="deck-note-preview">{note ? preview(note) : <span className="muted">No note.</span>}</p>
        <button ref={editButtonRef} type="button" className="button deck-small" onClick={start} aria-label={`Edit note of moment ${number}`}>
          Edit note
        </button>
      </div>
    );
  }
  return (
    <div ref={editorRef} className="deck-note deck-note-editing">
      <label htmlFor={fieldId}>Note of moment {number}</label>
      <textarea
        id={fieldId}
        rows={4}
        value={draft}
        maxLength={MAX_NOTE_CHARS}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onBlur={saveOnBlur}
        onKeyDown={cancelOnEscape}
      />
      <div className="deck-note-actions">
        <button type="button" className="button deck-small" onClick={() => finish(true, true)} aria-label={`Save note of moment ${number}`}>
          Save note
        </button>
        <button type="button" className="button deck-small" onClick={() => finish(false, true)} aria-label={`Cancel editing note of moment ${number}`}>
          Cancel
        </button>
      </div>
    </div>
  );
}
