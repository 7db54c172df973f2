import type { StoryCatalog } from '../events/catalog';
import type { RoomRegistry } from '../realtime/server/roomRegistry';
import type { DeckStore } from '../storage/deckStore';
import type { ClusterNode } from './clusterNode';
import type { SitrepStorage } from '../storage/openStorage';
import type { StoryFolderFailure } from '../storyFiles/readStoryFolders';
import type { SaveResult, StorySave } from './studio/saveStory';
import type { StoryLibrary } from './studio/storyLibrary';

/**
 * What the route handlers need from the running server. The custom server provides it once at start;
 * Next.js bundles route handlers separately from server.ts, so the hand-over goes through a global symbol.
 */
export interface SitrepServices {
  /** The stories served now (updated without a restart: see StoryLibrary). */
  catalog: StoryCatalog;
  /** The folder the story folders are read from (SITREP_EVENTS_DIR): the zip download reads a story's files there. */
  eventsDir: string;
  /** The story folders: rescanned, and written by the studio. */
  stories: StoryLibrary;
  rooms: RoomRegistry;
  decks: DeckStore;
  /** The store of rooms and decks (its engine, where it is, whether it answers). */
  storage: Pick<SitrepStorage, 'engine' | 'location' | 'ping'>;
  /** Story folders that failed validation (not served, or served at their last valid version), with their problems. */
  readonly storyFailures: readonly StoryFolderFailure[];
  /** SHA-256 digest of `SITREP_EDITOR_KEY`; undefined when it is not set (editing is disabled). */
  editorKeyDigest: Buffer | undefined;
  /** Saves a story folder from the studio (checked, compared with its stored version, written atomically). */
  saveStory: (id: string, save: StorySave) => Promise<SaveResult>;
  startedAtMs: number;
  nowMs: () => number;
  /** Viewers connected to a room (on every node of a cluster). */
  viewers: (roomId: string) => Promise<number>;
  /** Redis, when this node is one of several (its health is reported). */
  redis: Pick<ClusterNode, 'health' | 'redisLocation'> | undefined;
  /** Room creations each client address may make per minute. */
  roomCreationsPerMinute: number;
  /** Counts one room creation for a client address; false when it is over the limit. */
  allowRoomCreation: (address: string) => Promise<boolean>;
}

const SERVICES_KEY = Symbol.for('sitrep.services');
type ServicesHolder = { [SERVICES_KEY]?: SitrepServices };

export function provideServices(services: SitrepServices | undefined): void {
  (globalThis as ServicesHolder)[SERVICES_KEY] = services;
}

export function getServices(): SitrepServices {
  const services = (globalThis as ServicesHolder)[SERVICES_KEY];
  if (!services) throw new Error('Sitrep services are not available: start the app with server.ts (npm start)');
  return services;
}
