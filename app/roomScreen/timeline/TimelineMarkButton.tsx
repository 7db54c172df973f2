'use client';

import { memo, useState } from 'react';
import type { TimeScale } from '@/lib/timeline/compressedScale';
import type { TimelineMark } from '@/lib/timeline/marks';
import { axisHours, type StyleWithVars } from './cssVars';

interface MarkProps {
  mark: TimelineMark;
  row: number;
  /** The story's start on the axis of `scale`. */
  originAxisMs: number;
  scale: TimeScale;
  selected: boolean;
  /** Whether a mark mounting now is new to this screen (not part of the first batch) and gets the highlight. */
  animateEntrance: boolean;
  onSelect(id: string): void;
}

/**
 * One event on the timeline. Its horizontal place comes from the stylesheet (axis hours in CSS variables), so this
 * re-renders only when its row, its selection or the event itself changes — never on pan, zoom or playhead frames.
 */
export const TimelineMarkButton = memo(function TimelineMarkButton({ mark, row, originAxisMs, scale, selected, animateEntrance, onSelect }: MarkProps) {
  // Latched at mount: a mark that was already there when highlights were armed never flashes.
  const [highlighted, setHighlighted] = useState(animateEntrance);
  const style: StyleWithVars = {
    '--mark-from-h': axisHours(scale.toAxis(mark.fromMs), originAxisMs),
    '--mark-to-h': axisHours(scale.toAxis(mark.toMs), originAxisMs),
    '--mark-row': row,
    '--mark-colour': `var(--type-${mark.type})`,
  };
  const classes = ['timeline-mark', `timeline-mark-${mark.shape}`, `timeline-mark-type-${mark.type}`];
  if (highlighted) classes.push('timeline-mark-new');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      style={style}
      data-event-id={mark.id}
      data-event-type={mark.type}
      data-precision={mark.precision}
      data-shape={mark.shape}
      aria-label={mark.accessibleName}
      title={mark.accessibleName}
      aria-pressed={selected}
      onClick={() => onSelect(mark.id)}
      onAnimationEnd={() => setHighlighted(false)}
    />
  );
});
