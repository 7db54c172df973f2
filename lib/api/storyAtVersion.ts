import type { Story } from '../events/checkStory';
import type { SitrepServices } from '../server/services';
import { jsonError } from './jsonResponses';

/** A story version as the server makes them (lib/storyFiles/storyVersion.ts): hex characters. */
const STORY_VERSION_PATTERN = /^[0-9a-f]{1,64}$/;

export type StoryAtVersion = { ok: true; story: Story; version: string } | { ok: false; response: Response };

/**
 * The story of this id at the version asked for (`?version=`), or the newest when none is asked for. An older version
 * is served while a room replays it (a room keeps the version it started with when its story is saved again); after
 * that it is gone: 404, saying so.
 */
export function storyAtRequestedVersion(services: SitrepServices, id: string, requested: string | null): StoryAtVersion {
  const newest = services.catalog.version(id);
  const newestStory = services.catalog.get(id);
  if (requested === null || requested === newest) {
    if (newest === undefined || newestStory === undefined) return { ok: false, response: jsonError(404, 'not_found', 'No scenario has this id') };
    return { ok: true, story: newestStory, version: newest };
  }
  const older = STORY_VERSION_PATTERN.test(requested) ? services.rooms.storyAt(id, requested) : undefined;
  if (!older) return { ok: false, response: jsonError(404, 'not_found', 'This version of the story is no longer served (no room replays it)') };
  return { ok: true, story: older, version: requested };
}
