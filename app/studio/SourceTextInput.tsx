'use client';

import { useState } from 'react';
import { checkSourceText, MAX_SOURCE_TEXT_BYTES } from '@/lib/studio/sourceTextInput';

interface SourceTextInputProps {
  onText(text: string): void;
}

/** The article's text: pasted, or read from a `.txt` file in the browser (nothing is sent before saving). */
export function SourceTextInput({ onText }: SourceTextInputProps) {
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const take = (raw: string, origin: 'pasted' | 'file') => {
    const checked = checkSourceText(raw, origin);
    if (!checked.ok) return setError(checked.message);
    setError(null);
    onText(checked.text);
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_SOURCE_TEXT_BYTES) return setError(`The file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; a story's source text can be at most 2 MB.`);
    take(await file.text(), 'file');
  };
  return (
    <fieldset className="studio-text-input">
      <legend>The article&rsquo;s text</legend>
      <div className="studio-field">
        <label htmlFor="story-source-paste">Paste the text</label>
        <textarea id="story-source-paste" rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      <button type="button" className="button" disabled={pasted.trim() === ''} onClick={() => take(pasted, 'pasted')}>
        Use the pasted text
      </button>
      <div className="studio-field">
        <label htmlFor="story-source-file">Or upload a .txt file</label>
        <input id="story-source-file" type="file" accept=".txt,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
      </div>
      {error && (
        <p role="alert" className="banner banner-error" data-testid="source-text-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
