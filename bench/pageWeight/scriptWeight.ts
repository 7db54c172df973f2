/**
 * What a page costs to load in JavaScript: every script response the page fetched until its load event, each body
 * gzip-compressed here (zlib, default level) so that both pages are measured the same way whatever the server sent.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { closePage, probedPage } from '../ui/benchBrowser';

/** A class name recharts writes into every chart: its presence marks the chunk that holds recharts. */
const RECHARTS_MARKER = 'recharts-wrapper';
/** After the load event, scripts fetched within this time are listed too (to see when recharts comes). */
const AFTER_LOAD_WATCH_MS = 3_000;
const LOAD_TIMEOUT_MS = 60_000;

export interface ScriptWeight {
  /** Scripts fetched before the load event. */
  scripts: number;
  gzipBytes: number;
  rawBytes: number;
  /** Whether recharts is among the scripts fetched before the load event. */
  rechartsBeforeLoad: boolean;
  /** Milliseconds after the load event at which the recharts chunk was fetched, or null if it was not. */
  rechartsAfterLoadMs: number | null;
}

interface Fetched {
  atMs: number;
  response: Response;
}

export async function measureScriptWeight(browser: Browser, url: string): Promise<ScriptWeight> {
  const page = await probedPage(browser);
  const fetched: Fetched[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') fetched.push({ atMs: performance.now(), response });
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const loadAtMs = performance.now();
    const beforeLoad = [...fetched];
    await page.waitForTimeout(AFTER_LOAD_WATCH_MS);
    const bodies = await Promise.all(fetched.map(async ({ atMs, response }) => ({ atMs, body: await response.body() })));
    const isRecharts = (body: Buffer) => body.includes(RECHARTS_MARKER);
    const loaded = bodies.slice(0, beforeLoad.length);
    const rechartsAfterLoad = bodies.slice(beforeLoad.length).find(({ body }) => isRecharts(body));
    return {
      scripts: loaded.length,
      gzipBytes: loaded.reduce((sum, { body }) => sum + gzipSync(body).length, 0),
      rawBytes: loaded.reduce((sum, { body }) => sum + body.length, 0),
      rechartsBeforeLoad: loaded.some(({ body }) => isRecharts(body)),
      rechartsAfterLoadMs: rechartsAfterLoad ? rechartsAfterLoad.atMs - loadAtMs : null,
    };
  } finally {
    await closePage(page);
  }
}
