import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import next from 'next';
import { StoryCatalog } from '../events/catalog';
import { formatProblem } from '../events/problems';
import { readStoryFolders } from '../storyFiles/readStoryFolders';
import type { Logger } from './logger';
import { provideServices, type SitrepServices } from './services';

export interface SitrepOptions {
  port: number;
  host?: string;
  dev: boolean;
  eventsDir: string;
  /** The project folder Next.js serves from. */
  projectDir: string;
  logger: Logger;
  nowMs: () => number;
}

export interface RunningSitrep {
  url: string;
  port: number;
  httpServer: Server;
  services: SitrepServices;
  close(): Promise<void>;
}

/** Loads the stories (refusing broken ones, serving the rest) and logs what was refused. */
export async function loadCatalog(eventsDir: string, logger: Logger) {
  const { stories, failures } = await readStoryFolders(eventsDir);
  for (const failure of failures) {
    logger.error(`Story ${failure.folder} refused (${failure.problems.length} problem(s)):`);
    for (const problem of failure.problems) logger.error(`  ${formatProblem(problem)}`);
  }
  logger.info(`Serving ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} from ${eventsDir}`);
  return { catalog: new StoryCatalog(stories), failures };
}

/** Starts Next.js and the HTTP server on one port. */
export async function startSitrep(options: SitrepOptions): Promise<RunningSitrep> {
  const { catalog, failures } = await loadCatalog(options.eventsDir, options.logger);
  const services: SitrepServices = { catalog, storyFailures: failures, startedAtMs: options.nowMs(), nowMs: options.nowMs };
  provideServices(services);

  const app = next({ dev: options.dev, dir: options.projectDir, quiet: !options.dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error(`Request ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'Internal server error' } }));
    });
  });
  if (options.dev) {
    const upgrade = app.getUpgradeHandler();
    httpServer.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/_next/')) void upgrade(req, socket, head);
    });
  }

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
    async close() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await app.close();
      provideServices(undefined);
    },
  };
}
