import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import next from 'next';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { StoryCatalog } from '../events/catalog';
import { attachRealtime, type Realtime } from '../realtime/server/attachRealtime';
import { DEFAULT_ROOM_LIMITS } from '../realtime/server/roomRegistry';
import type { Clock, TimerHandle } from '../replay/clock';
import { keyDigest } from '../realtime/server/presenterKeys';
import { roomPersistenceFromStore } from '../realtime/server/roomPersistence';
import { createDeckStore } from '../storage/deckStore';
import { openStorage } from '../storage/openStorage';
import { createRoomStore } from '../storage/roomStore';
import { cleanLeftovers } from '../storyFiles/replaceStoryFolder';
import { provideSecuritySettings } from '../http/securitySettings';
import { connectClusterNode } from './clusterNode';
import type { ServerConfig } from './config';
import { answerClientError, createRequestListener } from './http/requestListener';
import type { Logger } from './logger';
import { provideServices, type SitrepServices } from './services';
import { saveStory } from './studio/saveStory';
import { StoryLibrary } from './studio/storyLibrary';

export interface SitrepOptions extends ServerConfig {
  /** The project folder Next.js serves from. */
  projectDir: string;
  logger: Logger;
  clock: Clock;
}

export interface RunningSitrep {
  url: string;
  port: number;
  httpServer: Server;
  services: SitrepServices;
  realtime: Realtime;
  /** The live room's key when this start generated it (it is printed); undefined when given or kept from an earlier run. */
  generatedLiveKey: string | undefined;
  /**
   * Stops taking connections, tells every screen the server is restarting (they come back on their own, spread over
   * the announced window), saves every room, and closes.
   */
  close(): Promise<void>;
}

/** Rooms made through the API start paused at their first event; their presenter drives them. */
const PRESENTED_ROOM_RATE = 8_640;

/**
 * How often the events folder is looked at for stories added, edited or removed by hand (a save through the studio
 * is served at once). A look stats each story folder's files and reads only the folders that changed.
 */
export const STORY_RESCAN_EVERY_WALL_MS = 2_000;

/**
 * Loads the stories (refusing broken ones, serving the rest) and logs what was refused. First tidies what an
 * interrupted save left behind (replaceStoryFolder.ts).
 */
export async function loadCatalog(eventsDir: string, logger: Logger) {
  for (const done of await cleanLeftovers(eventsDir)) logger.warn(`Events folder: an interrupted save was tidied up: ${done}`);
  const library = new StoryLibrary(eventsDir, logger);
  await library.rescan();
  const count = library.catalog.ids().length;
  logger.info(`Serving ${count} stor${count === 1 ? 'y' : 'ies'} from ${eventsDir}`);
  return { catalog: library.catalog, failures: library.failures(), library };
}

/** Rescans the events folder every STORY_RESCAN_EVERY_WALL_MS until stopped. */
function watchStories(library: StoryLibrary, clock: Clock, logger: Logger): () => void {
  let timer: TimerHandle | undefined;
  let stopped = false;
  const schedule = () => {
    timer = clock.setTimeout(() => {
      library.rescan().then(
        () => !stopped && schedule(),
        (error: unknown) => {
          logger.warn({ err: error }, 'Rescan of the events folder failed; trying again');
          if (!stopped) schedule();
        },
      );
    }, STORY_RESCAN_EVERY_WALL_MS);
  };
  schedule();
  return () => {
    stopped = true;
    if (timer !== undefined) clock.clearTimeout(timer);
  };
}

/**
 * Opens the public room from the environment, back where it stood before a restart (roomRegistry.ts), and says which
 * presenter key holds. Returns the key it generated, if any.
 */
async function openLiveRoom(options: SitrepOptions, catalog: StoryCatalog, realtime: Realtime, logger: Logger): Promise<string | undefined> {
  const liveScenarioId = options.liveScenarioId ?? catalog.ids()[0];
  if (liveScenarioId === undefined) {
    logger.warn('No story to replay: the live room is not open');
    return undefined;
  }
  const opened = await realtime.rooms.openLiveRoom(liveScenarioId, options.presenterKey, {
    storySecondsPerSecond: options.liveStorySecondsPerSecond,
    maxGapWallMs: options.maxGapWallMs,
    loop: true,
    loopHoldWallMs: options.loopHoldWallMs,
    autoplay: true,
  });
  if (!opened.ok) throw new Error(`SITREP_LIVE_SCENARIO: no valid story has the id "${liveScenarioId}"`);
  if (opened.resumedAtMs !== undefined) {
    logger.info(`The live room resumes where it stood before the restart (story time ${new Date(opened.resumedAtMs).toISOString()})`);
  }
  // A generated key is never logged: server.ts prints it once, outside the JSON log.
  if (opened.generatedKey === undefined && options.presenterKey === undefined) {
    logger.info('The live room keeps the presenter key printed at an earlier start (set SITREP_PRESENTER_KEY to choose one)');
  }
  return opened.generatedKey;
}

/** Starts Next.js, the HTTP API and the replay stream on one port. */
export async function startSitrep(options: SitrepOptions): Promise<RunningSitrep> {
  const { logger, clock } = options;
  const { catalog, library } = await loadCatalog(options.eventsDir, logger);
  const storage = await openStorage({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    onConnectionLost: (error) => logger.warn({ err: error }, 'A connection to the database dropped; the next request opens a new one'),
  });
  logger.info({ engine: storage.engine, migrations: storage.appliedMigrations }, `Rooms and decks are kept in ${storage.location} (${storage.engine})`);

  const cluster = options.redisUrl === undefined ? undefined : await connectClusterNode(options.redisUrl, clock, logger);
  if (cluster) logger.info({ nodeId: cluster.nodeId }, `One of several nodes: rooms are shared through Redis at ${cluster.redisLocation}`);

  provideSecuritySettings({ production: !options.dev, publicOrigin: options.publicOrigin, embedOrigins: options.embedOrigins });
  const app = next({ dev: options.dev, dir: options.projectDir, quiet: !options.dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const onRequest = createRequestListener({ logger, dev: options.dev, handle });
  const httpServer = createServer((req, res) => onRequest(req, res));
  httpServer.on('checkContinue', (req, res) => onRequest(req, res, true));
  httpServer.on('clientError', answerClientError(logger));
  if (options.dev) {
    const upgrade = app.getUpgradeHandler();
    httpServer.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/_next/')) void upgrade(req, socket, head);
    });
  }

  const realtime = attachRealtime(httpServer, {
    catalog,
    clock,
    logger,
    originPolicy: options.originPolicy,
    roomSettings: {
      storySecondsPerSecond: PRESENTED_ROOM_RATE,
      maxGapWallMs: options.maxGapWallMs,
      loop: false,
      loopHoldWallMs: options.loopHoldWallMs,
      autoplay: false,
    },
    controlsPerSecond: options.controlsPerSecond,
    shareUpgrades: options.dev,
    cluster,
    persistence: roomPersistenceFromStore(createRoomStore(storage.db), (message) => logger.warn(message)),
    roomLimits: { ...DEFAULT_ROOM_LIMITS, maxStoredRooms: options.maxStoredRooms },
  });

  // Every answer is never sniffed, even one written before proxy.ts runs (a redirect, a static file) or without
  // Next.js (Socket.IO's HTTP answers): this listener runs before the others, Socket.IO's included.
  httpServer.prependListener('request', (_req, res) => res.setHeader('X-Content-Type-Options', 'nosniff'));

  const generatedLiveKey = await openLiveRoom(options, catalog, realtime, logger);

  const roomCreationLimiter = new RateLimiterMemory({ points: options.roomCreationsPerMinute, duration: 60 });
  const services: SitrepServices = {
    catalog,
    eventsDir: options.eventsDir,
    rooms: realtime.rooms,
    decks: createDeckStore(storage.db),
    storage,
    stories: library,
    get storyFailures() {
      return library.failures();
    },
    editorKeyDigest: options.editorKey === undefined ? undefined : keyDigest(options.editorKey),
    saveStory: (id, save) => saveStory(library, id, save, logger),
    startedAtMs: clock.now(),
    nowMs: () => clock.now(),
    viewers: async (roomId) => realtime.presence.viewers(roomId),
    redis: cluster,
    roomCreationsPerMinute: options.roomCreationsPerMinute,
    allowRoomCreation: (address) =>
      roomCreationLimiter.consume(address).then(
        () => true,
        () => false,
      ),
  };
  provideServices(services);
  const stopWatchingStories = watchStories(library, clock, logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}`;

  return {
    url,
    port,
    httpServer,
    services,
    realtime,
    generatedLiveKey,
    async close() {
      stopWatchingStories();
      const stoppedListening = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await realtime.close();
      httpServer.closeAllConnections();
      await stoppedListening;
      await app.close();
      await cluster?.close();
      await storage.close();
      provideServices(undefined);
      provideSecuritySettings(undefined);
    },
  };
}
