import { z } from 'zod';

/**
 * The studio runs the story checker in the browser, under a Content-Security-Policy without 'unsafe-eval'. Zod
 * otherwise probes `new Function` (a CSP violation report) and compiles fast paths with it: it is told not to. This
 * module must be imported before the schemas are built (their fast path is decided when each schema is made).
 */
z.config({ jitless: true });
