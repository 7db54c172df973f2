'use client';

import { assertNever } from '@/lib/assertNever';
import { HandoutMoment } from './HandoutMoment';
import { useHandout, type Handout } from './useHandout';

function HandoutBody({ handout }: { handout: Handout }) {
  switch (handout.state) {
    case 'loading':
      return (
        <p className="muted" role="status">
          Loading the handout…
        </p>
      );
    case 'no-key':
      return (
        <p role="alert" className="banner banner-error">
          The handout needs the room’s presenter key: open it from the presenter’s link (it ends in #key=…).
        </p>
      );
    case 'error':
      return (
        <p role="alert" className="banner banner-error">
          {handout.message}
        </p>
      );
    case 'ready':
      if (handout.pages.length === 0) return <p className="muted">The deck has no moments yet.</p>;
      return (
        <>
          {handout.pages.map((page) => (
            <HandoutMoment key={page.moment.id} page={page} source={handout.story.scenario.source} origin={window.location.origin} />
          ))}
        </>
      );
    default:
      return assertNever(handout, 'handout');
  }
}

/** The presenter's handout: one moment per printed page, with a button that prints it (or saves it as a PDF). */
export function HandoutPage({ roomId }: { roomId: string }) {
  const handout = useHandout(roomId);
  const ready = handout.state === 'ready';
  return (
    <main className="handout" data-state={handout.state} data-pages={ready ? handout.pages.length : undefined}>
      <header className="handout-header">
        <div>
          <h1>Sitrep handout</h1>
          <p className="handout-story muted">{ready ? handout.story.scenario.title : 'A room’s deck, one moment per page'}</p>
        </div>
        {ready && handout.pages.length > 0 && (
          <button type="button" className="button button-primary handout-print" onClick={() => window.print()}>
            Print handout
          </button>
        )}
      </header>
      <HandoutBody handout={handout} />
    </main>
  );
}
