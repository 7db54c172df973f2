'use client';

import { useCallback, useEffect, useState } from 'react';

/** Where the editor key is kept for the tab's life: never in the address's query, never in a log. */
const STORAGE_KEY = 'sitrep.editorKey';
const KEY_PATTERN = /^[\x21-\x7e]{1,512}$/;

/** The editor key of a URL fragment (`#key=…`), which browsers never send to the server. */
export function readEditorKey(hash: string): string | undefined {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key')?.trim();
  return key && KEY_PATTERN.test(key) ? key : undefined;
}

export function isEditorKeyShaped(key: string): boolean {
  return KEY_PATTERN.test(key);
}

function storedKey(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function storeKey(key: string | undefined): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage refused (private mode): the key lives in the page only
  }
}

export interface EditorKeyState {
  /** False during the first render: the browser's fragment and storage are read after it. */
  read: boolean;
  key: string | undefined;
  signIn(key: string): void;
  signOut(): void;
}

/**
 * The studio's editor key: from the URL fragment (then removed from the address bar, so that it is not copied
 * along with the link) or a sign-in field, kept in sessionStorage for the tab.
 */
export function useEditorKey(): EditorKeyState {
  const [state, setState] = useState<{ read: boolean; key: string | undefined }>({ read: false, key: undefined });
  useEffect(() => {
    const fromFragment = readEditorKey(window.location.hash);
    if (fromFragment) {
      storeKey(fromFragment);
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the fragment and storage exist only in the browser
    setState({ read: true, key: fromFragment ?? storedKey() });
  }, []);
  const signIn = useCallback((key: string) => {
    storeKey(key);
    setState({ read: true, key });
  }, []);
  const signOut = useCallback(() => {
    storeKey(undefined);
    setState({ read: true, key: undefined });
  }, []);
  return { ...state, signIn, signOut };
}
