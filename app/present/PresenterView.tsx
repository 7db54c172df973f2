'use client';

import { selectPlaying, selectStory } from '../roomScreen/selectors';
import { useConnectionInfo, useScreen } from '../roomScreen/useScreen';
import { Timeline } from '../roomScreen/timeline/Timeline';
import { PresentedChart } from './PresentedChart';
import { PresenterRefusal, type RefusalReason } from './PresenterRefusal';
import { PresenterProvider, usePresenter } from './PresenterContext';
import { PresenterSidePanel } from './PresenterSidePanel';
import { PresenterStage } from './PresenterStage';
import { ShortcutsDialog } from './ShortcutsDialog';
import { usePresenterShortcuts } from './usePresenterShortcuts';

function refusalReason(refusal: string | null): RefusalReason {
  if (refusal === 'forbidden') return 'wrong-key';
  return refusal === 'not_found' ? 'not-found' : 'refused';
}

function PresenterScreen() {
  const story = useScreen(selectStory);
  const playing = useScreen(selectPlaying);
  const { ready, presentation, stageEvent, momentIndex, isFullscreen, isProjecting, panelHidden, setPanelHidden } = usePresenter();
  usePresenterShortcuts();
  return (
    <main
      className="present"
      data-state={ready ? 'ready' : 'loading'}
      data-current-event={stageEvent?.id ?? ''}
      data-chart={presentation.chart}
      data-moment-index={momentIndex}
      data-blank={presentation.blank}
      data-fullscreen={isFullscreen}
      data-projecting={isProjecting}
      data-playing={playing}
    >
      <div className="present-main">
        <header className="present-header">
          <h1 className="present-brand">
            Sitrep <span className="muted">briefing</span>
          </h1>
          <p className="present-story muted">{story?.scenario.title ?? 'Loading the story…'}</p>
          {panelHidden && !isFullscreen && (
            <button type="button" className="button present-show-panel" onClick={() => setPanelHidden(false)}>
              Show presenter panel
            </button>
          )}
        </header>
        <PresenterStage />
        <PresentedChart chart={presentation.chart} />
        <Timeline />
      </div>
      <PresenterSidePanel />
      <ShortcutsDialog />
    </main>
  );
}

/** The presenter's screen of a room: refused without the right key, otherwise the stage, the chart and the panel. */
export function PresenterView({ presenterKey }: { presenterKey: string }) {
  const connection = useConnectionInfo();
  if (connection?.status === 'refused') return <PresenterRefusal reason={refusalReason(connection.refusal)} />;
  return (
    <PresenterProvider presenterKey={presenterKey}>
      <PresenterScreen />
    </PresenterProvider>
  );
}
