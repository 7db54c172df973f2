/** Chromium as the browser tests launch it (playwright.config.ts), driven directly with playwright-core. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../tests/helpers/chromiumLaunch';
import { PROBES_SCRIPT } from './pageProbes';

/** A common desktop screen: the timeline and the first row of charts (two of the four) are in view. */
export const WINDOW = { width: 1920, height: 1080 } as const;
/** Tall enough for all four charts to be in view (and drawn): the seek measurement checks every chart. */
export const TALL_WINDOW = { width: 1920, height: 2160 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A page in a fresh context with the bench probes installed before the page's own scripts. */
export async function probedPage(browser: Browser, viewport: { width: number; height: number } = WINDOW): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: PROBES_SCRIPT });
  return context.newPage();
}

/**
 * A page for the floors (floorPages.ts): a blank page of the server's origin borrowed from a JSON answer, whose
 * Content-Security-Policy (`default-src 'none'`) forbids a script any fetch or socket. The floors measure the network
 * and the parse, not the policy, so this context leaves the policy out.
 */
export async function openFloorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: WINDOW, bypassCSP: true });
  await context.addInitScript({ content: PROBES_SCRIPT });
  return context.newPage();
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}
