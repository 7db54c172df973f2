'use client';

import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject, type SyntheticEvent } from 'react';
import { dragViewport, msAt, pinchViewport, zoomAt, type StoryBounds, type Viewport } from '@/lib/timeline/viewport';
import type { ViewportUpdate } from './useViewportState';

/** A wheel notch (about 100 px) zooms by e^0.15 ≈ 1.16. Trackpad pinches arrive as ctrl+wheel with small deltas. */
const WHEEL_ZOOM_PER_PX = 0.0015;
const PINCH_WHEEL_ZOOM_PER_PX = 0.01;
const WHEEL_LINE_PX = 16;
/** A press that moves less than this is a click (on a mark), not a drag. */
const DRAG_THRESHOLD_PX = 4;

interface Gesture {
  /** Where each pointer is now, in px from the plot's left edge. */
  currentPx: Map<number, number>;
  /** The viewport and pointer positions the current drag or pinch is measured from. */
  baseViewport: Viewport;
  basePx: Map<number, number>;
  dragging: boolean;
}

interface GestureOptions {
  plotRef: RefObject<HTMLElement | null>;
  widthPx: number;
  bounds: StoryBounds;
  viewportRef: RefObject<Viewport>;
  setViewport(update: ViewportUpdate): void;
}

/**
 * Wheel zooms around the pointer (horizontal wheel or shift pans); ctrl+wheel is a trackpad pinch; dragging the
 * background pans; two pointers pinch. Returns the pointer handlers for the plot.
 */
export function usePanZoomGestures({ plotRef, widthPx, bounds, viewportRef, setViewport }: GestureOptions) {
  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const onWheel = (event: WheelEvent) => {
      const unitPx = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? WHEEL_LINE_PX : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? widthPx : 1;
      const dx = event.deltaX * unitPx;
      const dy = event.deltaY * unitPx;
      if (dx === 0 && dy === 0) return;
      event.preventDefault();
      if (!event.ctrlKey && (event.shiftKey || Math.abs(dx) > Math.abs(dy))) {
        const panPx = Math.abs(dx) > Math.abs(dy) ? dx : dy;
        setViewport((v) => dragViewport(v, widthPx, panPx, 0, bounds));
        return;
      }
      const pointerPx = event.clientX - plot.getBoundingClientRect().left;
      const perPx = event.ctrlKey ? PINCH_WHEEL_ZOOM_PER_PX : WHEEL_ZOOM_PER_PX;
      setViewport((v) => zoomAt(v, Math.exp(-dy * perPx), msAt(v, pointerPx, widthPx), bounds));
    };
    plot.addEventListener('wheel', onWheel, { passive: false });
    return () => plot.removeEventListener('wheel', onWheel);
  }, [plotRef, widthPx, bounds, setViewport]);

  const gesture = useRef<Gesture | null>(null);
  const suppressClick = useRef(false);

  const pxOf = useCallback((event: ReactPointerEvent) => event.clientX - (plotRef.current?.getBoundingClientRect().left ?? 0), [plotRef]);
  const rebase = useCallback(
    (g: Gesture) => {
      g.baseViewport = viewportRef.current;
      g.basePx = new Map(g.currentPx);
    },
    [viewportRef],
  );

  const onPointerDown = useCallback(
    (event: ReactPointerEvent) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      suppressClick.current = false;
      const g = gesture.current ?? { currentPx: new Map(), basePx: new Map(), baseViewport: viewportRef.current, dragging: false };
      g.currentPx.set(event.pointerId, pxOf(event));
      rebase(g);
      gesture.current = g;
    },
    [pxOf, rebase, viewportRef],
  );

  const onPointerMove = useCallback(
    (event: ReactPointerEvent) => {
      const g = gesture.current;
      if (!g?.currentPx.has(event.pointerId)) return;
      const px = pxOf(event);
      g.currentPx.set(event.pointerId, px);
      if (!g.dragging) {
        if (g.currentPx.size < 2 && Math.abs(px - (g.basePx.get(event.pointerId) ?? px)) < DRAG_THRESHOLD_PX) return;
        g.dragging = true;
        suppressClick.current = true;
        plotRef.current?.setAttribute('data-dragging', 'true');
      }
      plotRef.current?.setPointerCapture(event.pointerId);
      const [a, b] = [...g.currentPx.keys()];
      if (a === undefined) return;
      if (b === undefined) {
        setViewport(dragViewport(g.baseViewport, widthPx, g.basePx.get(a) ?? 0, g.currentPx.get(a) ?? 0, bounds));
        return;
      }
      const from = [g.basePx.get(a) ?? 0, g.basePx.get(b) ?? 0] as const;
      const to = [g.currentPx.get(a) ?? 0, g.currentPx.get(b) ?? 0] as const;
      setViewport(pinchViewport(g.baseViewport, widthPx, from, to, bounds));
    },
    [pxOf, plotRef, setViewport, widthPx, bounds],
  );

  const onPointerEnd = useCallback(
    (event: ReactPointerEvent) => {
      const g = gesture.current;
      if (!g?.currentPx.delete(event.pointerId)) return;
      if (g.currentPx.size > 0) {
        rebase(g);
        return;
      }
      gesture.current = null;
      plotRef.current?.removeAttribute('data-dragging');
    },
    [rebase, plotRef],
  );

  /** A drag that ends over a mark must not select it. */
  const onClickCapture = useCallback((event: SyntheticEvent) => {
    if (!suppressClick.current) return;
    suppressClick.current = false;
    event.stopPropagation();
    event.preventDefault();
  }, []);

  return { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd, onClickCapture };
}
