'use client';

import { useEffect, useState } from 'react';

type Theme = 'dark' | 'light';
const STORAGE_KEY = 'sitrep-theme';

/** Dark (for projectors) or light; remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    const initial: Theme = stored === 'light' || stored === 'dark' ? stored : window.matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the preference exists only in the browser
    setTheme(initial);
  }, []);
  useEffect(() => {
    if (!theme) return;
    document.documentElement.dataset.theme = theme;
    window.localStorage.setItem(STORAGE_KEY, theme);
  }, [theme]);
  const next: Theme = theme === 'light' ? 'dark' : 'light';
  return (
    <button type="button" className="button" onClick={() => setTheme(next)} aria-label={`Switch to the ${next} theme`}>
      {theme === 'light' ? 'Dark theme' : 'Light theme'}
    </button>
  );
}
