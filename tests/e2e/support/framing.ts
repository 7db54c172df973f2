import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Frame, type Page } from '@playwright/test';

/**
 * Another site on this machine (another port, so another origin; Chromium refuses to let a page it takes for a
 * public one frame a local address at all): `/?src=<url>` is a page that frames that URL.
 */
export interface FramingSite {
  origin: string;
  close(): Promise<void>;
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

export async function startFramingSite(): Promise<FramingSite> {
  const server: Server = createServer((request, response) => {
    const src = new URL(request.url ?? '/', 'http://framer').searchParams.get('src') ?? 'about:blank';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><title>Another site</title><iframe title="Sitrep" src="${escapeAttribute(src)}" onload="document.body.dataset.framed = 'loaded'"></iframe></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Opens the site's page framing `target`; gives the frame once it loaded, and the browser's frame-ancestors refusals. */
export async function openFramed(page: Page, site: FramingSite, target: string): Promise<{ frame: Frame | null; refusals: string[] }> {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refusals.push(message.text());
  });
  await page.goto(`${site.origin}/?src=${encodeURIComponent(target)}`);
  await expect(page.locator('body')).toHaveAttribute('data-framed', 'loaded');
  const frame = (await page.locator('iframe').elementHandle())?.contentFrame() ?? null;
  return { frame: await frame, refusals };
}
