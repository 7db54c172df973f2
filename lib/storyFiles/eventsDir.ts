import path from 'node:path';

/** Where the story folders live: `SITREP_EVENTS_DIR`, or `events/` in the working directory. */
export function eventsDirFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  return path.resolve(env.SITREP_EVENTS_DIR || 'events');
}
