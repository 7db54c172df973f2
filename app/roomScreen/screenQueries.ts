import { localEntryQuery } from '@/lib/queries/roomQueries';
import { queryKeys } from '@/lib/queries/queryKeys';
import type { ViewerState } from '@/lib/screen/viewerState';
import type { ResolvedLink } from './viewParams';

/** What the page says about the link it was opened with, when the link was ahead of the room. */
export type LinkNotice = NonNullable<ResolvedLink['aheadOfRoom']>;

/** The local cache entries of a room's screen (never fetched; written by the screen itself). */
export const viewerQuery = (roomId: string, screen: string) => localEntryQuery<ViewerState>(queryKeys.viewer(roomId, screen));
export const playheadQuery = (roomId: string) => localEntryQuery<number>(queryKeys.playhead(roomId));
export const linkNoticeQuery = (roomId: string) => localEntryQuery<LinkNotice>(queryKeys.linkNotice(roomId));
