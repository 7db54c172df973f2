'use client';

import { formatDay } from '@/lib/events/formatStoryDate';
import { RATE_PRESETS, rateLabel } from '@/lib/replay/rates';
import { useRoomIdentity } from '../roomScreen/roomIdentity';
import { useScreen, type ScreenData } from '../roomScreen/useScreen';
import { useViewerActions } from '../roomScreen/useViewerActions';
import { useEventStepper } from '../roomScreen/useEventStepper';

/** Presenter: play, pause, step and rate. Viewer: step through what is released, and come back to live. */
const playbackInputs = (data: ScreenData) => ({ clock: data.replay?.clock, view: data.view.view });

export function PlaybackControls() {
  const { isPresenter } = useRoomIdentity();
  const { clock, view } = useScreen(playbackInputs);
  const { backToLive, controls } = useViewerActions();
  const step = useEventStepper();
  const playing = clock?.status === 'playing';
  return (
    <section className="playback" aria-label="Playback">
      {isPresenter ? (
        <>
          <span className="badge">Presenter</span>
          <button type="button" className="button" onClick={() => void (playing ? controls.pause() : controls.play())} disabled={!clock} data-testid="play-pause">
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" className="button" onClick={() => step('previous')} disabled={!clock}>
            Previous event
          </button>
          <button type="button" className="button" onClick={() => step('next')} disabled={!clock}>
            Next event
          </button>
          <label className="field">
            <span>Speed</span>
            <select
              value={clock?.storySecondsPerSecond ?? ''}
              onChange={(e) => void controls.setRate(Number(e.target.value))}
              disabled={!clock}
            >
              {clock && !RATE_PRESETS.some((p) => p.storySecondsPerSecond === clock.storySecondsPerSecond) && (
                <option value={clock.storySecondsPerSecond}>{rateLabel(clock.storySecondsPerSecond)}</option>
              )}
              {RATE_PRESETS.map((preset) => (
                <option key={preset.id} value={preset.storySecondsPerSecond}>
                  {preset.label}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <>
          <button type="button" className="button" onClick={() => step('previous')} disabled={!clock}>
            Previous event
          </button>
          <button type="button" className="button" onClick={() => step('next')} disabled={!clock}>
            Next event
          </button>
          {view.mode === 'detached' ? (
            <p className="viewing" role="status" data-testid="viewing-banner">
              Viewing {formatDay(view.positionMs)} —{' '}
              <button type="button" className="button button-primary" onClick={backToLive}>
                Back to live
              </button>
            </p>
          ) : (
            <p className="viewing muted" data-testid="following-live">
              Following live
            </p>
          )}
        </>
      )}
    </section>
  );
}
