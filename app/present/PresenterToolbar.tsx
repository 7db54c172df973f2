'use client';

import { selectPlaying } from '../roomScreen/selectors';
import { useScreen } from '../roomScreen/useScreen';
import { usePresenter } from './PresenterContext';

/** The shortcuts as buttons, for the mouse and for anyone who does not know the keys. */
export function PresenterToolbar() {
  const playing = useScreen(selectPlaying);
  const { actions, presentation, isFullscreen, toggleFullscreen, setPanelHidden, setHelpOpen, moments } = usePresenter();
  const unit = moments.length > 0 ? 'moment' : 'event';
  return (
    <div className="present-toolbar" role="group" aria-label="Presenter controls">
      <button type="button" className="button" onClick={actions.previous} aria-keyshortcuts="ArrowLeft" title={`Previous ${unit} (←)`}>
        <span aria-hidden="true">←</span> Previous
      </button>
      <button type="button" className="button button-primary" onClick={actions.next} aria-keyshortcuts="ArrowRight Space" title={`Next ${unit} (→ or Space)`}>
        Next <span aria-hidden="true">→</span>
      </button>
      <button type="button" className="button" onClick={() => actions.stepEvent('previous')}>
        Previous event
      </button>
      <button type="button" className="button" onClick={() => actions.stepEvent('next')}>
        Next event
      </button>
      <button type="button" className="button" onClick={actions.togglePlay} aria-keyshortcuts="P" data-testid="present-play-pause">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="button" aria-pressed={presentation.blank} onClick={actions.toggleBlank} aria-keyshortcuts="B">
        Blank the audience’s screens
      </button>
      <button type="button" className="button" aria-pressed={isFullscreen} onClick={toggleFullscreen} aria-keyshortcuts="F">
        Full screen
      </button>
      <button type="button" className="button" onClick={() => setPanelHidden(true)}>
        Hide presenter panel
      </button>
      <button type="button" className="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
        Keyboard shortcuts
      </button>
    </div>
  );
}
