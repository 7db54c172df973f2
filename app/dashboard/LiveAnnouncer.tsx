'use client';

/** Placeholder: polite announcements of new events. */
export function LiveAnnouncer() {
  return <div className="visually-hidden" aria-live="polite" />;
}
