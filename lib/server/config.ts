import { z } from 'zod';
import { eventsDirFromEnv } from '../storyFiles/eventsDir';

const portSchema = z.coerce.number().int().min(0).max(65_535);

export interface ServerConfig {
  port: number;
  host: string | undefined;
  dev: boolean;
  eventsDir: string;
}

/** Reads the server's settings from the environment; a bad value names the variable and the reason. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv, argv: readonly string[] = []): ServerConfig {
  const port = portSchema.safeParse(env.PORT ?? '3000');
  if (!port.success) {
    throw new Error(`PORT: expected a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port: port.data,
    host: env.HOST || undefined,
    dev: argv.includes('--dev'),
    eventsDir: eventsDirFromEnv(env),
  };
}
