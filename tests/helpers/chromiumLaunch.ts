import { existsSync } from 'node:fs';

/**
 * How every browser of the project is launched: the browser tests (playwright.config.ts) and the browser
 * benchmarks (bench/ui). Debian's Chromium by default; `SITREP_CHROMIUM_PATH` overrides it ("" uses Playwright's
 * own browser).
 */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const chromiumPath: string = process.env.SITREP_CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : '');

/** No sandbox (root in a container), no GPU, and nothing that reaches out to the network on its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch options for Playwright's chromium.launch / launchOptions. */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  return { ...(chromiumPath && { executablePath: chromiumPath }), args: [...CHROMIUM_ARGS] };
}
