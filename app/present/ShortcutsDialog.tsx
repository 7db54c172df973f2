'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { usePresenter } from './PresenterContext';
import { describeShortcut, SHORTCUT_LISTINGS } from './shortcuts';

/**
 * The list of keyboard shortcuts, as a modal dialog: the browser keeps the focus inside it while open; Escape, "?"
 * or the close button closes it, and the focus returns to where it was.
 */
export function ShortcutsDialog() {
  const { helpOpen, setHelpOpen } = usePresenter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (helpOpen && !dialog.open) {
      returnFocusTo.current = document.activeElement;
      dialog.showModal();
    } else if (!helpOpen && dialog.open) {
      dialog.close();
    }
  }, [helpOpen]);

  const onClose = () => {
    setHelpOpen(false);
    const opener = returnFocusTo.current;
    returnFocusTo.current = null;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };

  // The browser makes the rest of the page inert; Tab also wraps inside the dialog instead of leaving for the browser.
  const keepTabInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const leaving = event.shiftKey ? document.activeElement === first : document.activeElement === last;
    if (!leaving) return;
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  };

  return (
    <dialog ref={dialogRef} className="present-shortcuts" aria-modal="true" aria-labelledby="present-shortcuts-title" onClose={onClose} onKeyDown={keepTabInside}>
      <div className="present-shortcuts-header">
        <h2 id="present-shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="button" onClick={() => setHelpOpen(false)} autoFocus>
          Close
        </button>
      </div>
      <dl className="present-shortcuts-list">
        {SHORTCUT_LISTINGS.map(({ keys, action }) => (
          <div key={keys.join()}>
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{describeShortcut(action)}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>Close this list</dd>
        </div>
      </dl>
      <p className="muted">Shortcuts do not apply while you type in a field.</p>
    </dialog>
  );
}
