'use client';

/** Placeholder for the charts. */
export function ChartsPanel() {
  return <section className="charts" aria-label="Charts" />;
}
