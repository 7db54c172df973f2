'use client';

import { memo, useEffect, useState, type ReactNode, type RefObject } from 'react';

/** A chart this close to the viewport (px) counts as in view, so that it is drawn before it scrolls in. */
const IN_VIEW_MARGIN_PX = 200;

/** Whether the element is in (or near) the viewport. True until the browser has said otherwise. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true), { rootMargin: `${IN_VIEW_MARGIN_PX}px` });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}

/**
 * Renders `children` while in view; out of view, React skips it (its props count as unchanged), so what it last
 * rendered in view stays: a chart's plot costs tens of milliseconds to redraw, and nobody sees it. Back in view, it
 * is drawn with the latest data.
 */
export const FrozenOffscreen = memo(
  function FrozenOffscreen({ children }: { inView: boolean; children: ReactNode }) {
    return children;
  },
  (_previous, next) => !next.inView,
);
