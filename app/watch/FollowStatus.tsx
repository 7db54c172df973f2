'use client';

import { useScreen, type ScreenData } from '../roomScreen/useScreen';
import { useViewerActions } from '../roomScreen/useViewerActions';
import { FOLLOW_KEY, useFollowShortcut } from './useFollowShortcut';

/** Whether this screen follows the presenter, and the way back to it (a button, or the L key). */
const isFollowing = (data: ScreenData) => data.view.following;

export function FollowStatus() {
  const following = useScreen(isFollowing);
  const { followPresenter } = useViewerActions();
  useFollowShortcut(followPresenter);
  return (
    <div className="watch-follow" data-following={following}>
      <p role="status" className={following ? 'watch-badge watch-badge-following' : 'watch-badge watch-badge-free'} data-testid="follow-status">
        {following ? 'Following the presenter' : 'Not following the presenter'}
      </p>
      {!following && (
        <button type="button" className="button button-primary" onClick={followPresenter} aria-keyshortcuts={FOLLOW_KEY}>
          Follow the presenter <kbd aria-hidden="true">{FOLLOW_KEY}</kbd>
        </button>
      )}
    </div>
  );
}
