'use client';

import { formatDay } from '@/lib/events/formatStoryDate';
import { useLinkNotice } from '../roomScreen/useScreen';

/** Says so when a link asked for a moment the room has not reached: the screen shows the room's position instead. */
export function LinkNotice() {
  const linkNotice = useLinkNotice();
  if (!linkNotice) return null;
  return (
    <p role="status" className="banner banner-warning" data-testid="link-notice">
      This link shows {formatDay(linkNotice.askedMs)}, which the room has not reached yet: you are seeing the room’s
      position, {formatDay(linkNotice.roomMs)}.
    </p>
  );
}
