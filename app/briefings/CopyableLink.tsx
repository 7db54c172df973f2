'use client';

import { useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

interface CopyableLinkProps {
  label: string;
  url: string;
  /** Shown under the label, e.g. that the link is secret. */
  description: string;
  testId: string;
}

/** A link in a read-only field (select it to copy by hand) with a "Copy" button that says when it worked. */
export function CopyableLink({ label, url, description, testId }: CopyableLinkProps) {
  const [state, setState] = useState<CopyState>('idle');
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const descriptionId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      // No clipboard access (permissions, insecure origin): select the text so that Ctrl+C copies it.
      fieldRef.current?.focus();
      fieldRef.current?.select();
      setState('manual');
    }
  };

  return (
    <div className="briefing-link" data-testid={testId}>
      <label htmlFor={fieldId} className="briefing-link-label">
        {label}
      </label>
      <p id={descriptionId} className="briefing-link-description">
        {description}
      </p>
      <div className="briefing-link-row">
        <input
          ref={fieldRef}
          id={fieldId}
          className="briefing-link-field"
          type="text"
          readOnly
          value={url}
          aria-describedby={descriptionId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </button>
      </div>
      <p className="briefing-copy-status" role="status">
        {state === 'copied' && 'Copied'}
        {state === 'manual' && 'Could not copy automatically: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.'}
      </p>
    </div>
  );
}
