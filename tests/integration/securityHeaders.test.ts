import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayClient } from '../helpers/replayClient';
import { REPO_ROOT, startTestServer, type TestServer } from '../helpers/startTestServer';

/** Every page and API route of app/, as its path pattern (`/rooms/[roomId]`), found from page.tsx and route.ts files. */
function appRoutes(file: 'page.tsx' | 'route.ts'): string[] {
  const appDir = path.join(REPO_ROOT, 'app');
  const found = readdirSync(appDir, { recursive: true, encoding: 'utf8' }).filter((entry) => path.basename(entry) === file);
  return found.map((entry) => `/${path.dirname(entry).split(path.sep).join('/')}`.replace(/\/\.$/, '') || '/').sort();
}

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** The directives of a Content-Security-Policy, by name. */
function directives(policy: string | null): Map<string, string> {
  const entries = (policy ?? '').split(';').map((d) => d.trim().split(/\s+/));
  return new Map(entries.map(([name, ...values]) => [name ?? '', values.join(' ')]));
}

function expectCommonHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  expect(response.headers.get('permissions-policy')).toMatch(/microphone=\(\)/);
  expect(response.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
}

describe('security headers on every page and API answer', () => {
  let server: TestServer;
  /** Values for the dynamic segments of the routes; a route with a segment missing here fails the test. */
  const segments = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    const { scenarios } = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string }[] };
    const scenarioId = scenarios[0]?.id ?? '';
    const created = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId }) });
    const { roomId } = (await created.json()) as { roomId: string };
    segments.set('roomId', roomId).set('id', scenarioId).set('storyId', scenarioId).set('momentId', 'no-such-moment');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const concrete = (route: string) =>
    route.replace(/\[([^\]]+)\]/g, (_all, name: string) => {
      const value = segments.get(name);
      if (value === undefined) throw new Error(`No test value for the segment [${name}] of ${route}: add one`);
      return encodeURIComponent(value);
    });

  it('finds the pages and API routes of app/', () => {
    expect(appRoutes('page.tsx')).toEqual(expect.arrayContaining(['/', '/rooms/[roomId]', '/embed/rooms/[roomId]', '/watch/[roomId]']));
    expect(appRoutes('route.ts')).toEqual(expect.arrayContaining(['/api/health', '/api/rooms/[roomId]/deck/moments/[momentId]']));
  });

  // Without SITREP_EMBED_ORIGINS, /embed/rooms/[roomId] too refuses every framer.
  it.each(appRoutes('page.tsx'))('page %s: nonce-based CSP, no framing, the common headers', async (route) => {
    const response = await fetch(`${server.url}${concrete(route)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const csp = directives(response.headers.get('content-security-policy'));
    const nonce = NONCE.exec(csp.get('script-src') ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(csp.get('script-src')).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get('style-src')).toBe(`'self' 'nonce-${nonce}'`);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expectCommonHeaders(response);
    // Next.js put this request's nonce on every script it wrote.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it.each(appRoutes('route.ts'))('API %s: a CSP that allows nothing, no framing, the common headers', async (route) => {
    const response = await fetch(`${server.url}${concrete(route)}`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expectCommonHeaders(response);
  });

  it('gives every request its own nonce', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => NONCE.exec((await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '')?.[1]),
    );
    expect(nonces.every((n) => n !== undefined)).toBe(true);
    expect(new Set(nonces).size).toBe(3);
  });

  it('gives static files, unknown addresses, refused API calls and Socket.IO answers nosniff, once', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const scriptPath = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(scriptPath).toBeDefined();
    for (const address of [scriptPath, '/_next/static/no-such-file.js', '/no-such-page', '/api/no-such-route']) {
      const response = await fetch(`${server.url}${address}`);
      expect(response.headers.get('x-content-type-options'), address).toBe('nosniff');
    }
    // Socket.IO answers HTTP itself, before Next.js: its polling handshake, and its refusal of a foreign origin.
    const handshake = `${server.url}/socket.io/?EIO=4&transport=polling`;
    for (const response of [await fetch(handshake), await fetch(handshake, { headers: { origin: 'https://evil.example' } })]) {
      expect(response.headers.get('x-content-type-options'), `socket.io ${response.status}`).toBe('nosniff');
    }
    const unknownPage = await fetch(`${server.url}/no-such-page`);
    expect(unknownPage.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each(['/api/scenarios/%', '/api/rooms/%C0%AE%C0%AE%2Fetc', '/no-such-page', `/rooms/${'x'.repeat(10_000)}`])(
    'gives the refusal of %s, written before Next.js, the JSON answer\'s security headers',
    async (address) => {
      const response = await fetch(`${server.url}${address}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectCommonHeaders(response);
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('default-src')).toBe("'none'");
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('accepts a socket from its own origin and refuses one from the https twin of it', async () => {
    const port = new URL(server.url).port;
    const twin = new ReplayClient(server.url, { extraHeaders: { origin: `https://127.0.0.1:${port}` } });
    const error = await twin.waitForConnectError();
    expect(error.message).toBe('websocket error');
    expect(twin.received).toEqual([]);
    twin.close();
    const own = new ReplayClient(server.url, { extraHeaders: { origin: `http://127.0.0.1:${port}` } });
    // The live room plays on its own clock: whatever it has released by now, the snapshot says where it stands.
    expect(await own.ready()).toMatchObject({ room: 'live', seq: expect.any(Number) });
    own.close();
  });
});

describe('framing and HSTS with SITREP_EMBED_ORIGINS and an https SITREP_PUBLIC_URL', () => {
  const EMBEDDERS = ['https://news.example', 'http://localhost:4100'];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SITREP_EMBED_ORIGINS: EMBEDDERS.join(','), SITREP_PUBLIC_URL: 'https://sitrep.example/' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets the listed origins frame /embed/rooms/…, without X-Frame-Options', async () => {
    const response = await fetch(`${server.url}/embed/rooms/live`);
    expect(response.status).toBe(200);
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toBe(EMBEDDERS.join(' '));
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it.each(['/', '/watch/live', '/rooms/live', '/api/health'])('still lets no one frame %s', async (address) => {
    const response = await fetch(`${server.url}${address}`);
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each(['/', '/embed/rooms/live', '/api/health'])('sends Strict-Transport-Security on %s', async (address) => {
    const response = await fetch(`${server.url}${address}`);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});
