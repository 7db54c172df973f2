'use client';

import { useEffect, useState } from 'react';

/** The presenter key travels in the URL fragment (`#key=...`), which browsers never send to the server. */
export function readPresenterKey(hash: string): string | undefined {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
  return key && /^[A-Za-z0-9_-]{1,256}$/.test(key) ? key : undefined;
}

/** The page's presenter key, once the browser has been read (`read` is false during the first render). */
export function usePresenterKey(): { read: boolean; key: string | undefined } {
  const [state, setState] = useState<{ read: boolean; key: string | undefined }>({ read: false, key: undefined });
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the fragment exists only in the browser
    setState({ read: true, key: readPresenterKey(window.location.hash) });
  }, []);
  return state;
}
