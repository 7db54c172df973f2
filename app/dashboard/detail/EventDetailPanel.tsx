'use client';

import { useDashboard } from '../DashboardContext';

/** Placeholder for the event detail. */
export function EventDetailPanel() {
  const { selectedEventId } = useDashboard();
  return <aside className="detail" aria-label="Event detail">{selectedEventId}</aside>;
}
