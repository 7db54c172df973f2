'use client';

import { useState, type MouseEvent } from 'react';
import { saveChartPng } from './saveChartPng';

type SaveState = 'idle' | 'saving' | 'failed';

/** Saves the chart of the enclosing figure as `<chart-id>.png`; its name says which chart. */
export function SaveChartPngButton({ chart, title }: { chart: string; title: string }) {
  const [state, setState] = useState<SaveState>('idle');
  const save = async (event: MouseEvent<HTMLButtonElement>) => {
    const figure = event.currentTarget.closest('figure');
    if (!figure || state === 'saving') return;
    setState('saving');
    try {
      await saveChartPng(figure, chart, title);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button chart-save-png" data-state={state} aria-busy={state === 'saving'} onClick={(event) => void save(event)}>
        Save <span className="visually-hidden">{title} </span>as PNG
      </button>
      {state === 'failed' && (
        <span className="chart-note" role="alert">
          The chart could not be saved as an image.
        </span>
      )}
    </>
  );
}
