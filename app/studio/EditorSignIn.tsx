'use client';

import { useState, type FormEvent } from 'react';
import { isEditorKeyShaped, type EditorKeyState } from './editorKey';

/** Who may edit: signed in with the editor key (kept for this tab only), or a sign-in field. */
export function EditorSignIn({ editor }: { editor: EditorKeyState }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!editor.read) return null;
  if (editor.key) {
    return (
      <p className="studio-signed-in" data-testid="editor-signed-in">
        Signed in as an editor.{' '}
        <button type="button" className="button" onClick={editor.signOut}>
          Sign out
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = typed.trim();
    if (!isEditorKeyShaped(key)) return setError('An editor key is 1 to 512 visible characters, without spaces.');
    setError(null);
    setTyped('');
    editor.signIn(key);
  };
  return (
    <form className="studio-sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in to edit</h2>
      <p className="muted">Anyone can read the studio; editing and saving need the editor key.</p>
      <div className="studio-field">
        <label htmlFor="editor-key">Editor key</label>
        <input id="editor-key" type="password" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <button type="submit" className="button button-primary">
        Sign in
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
