import { describe, expect, it } from 'vitest';
import { answerKindOfPath, newCspNonce, securityHeaders, type SecurityHeaderInputs } from '@/lib/http/securityHeaders';

const BASE: SecurityHeaderInputs = { nonce: 'bm9uY2U=', production: true, publicOrigin: undefined, embedOrigins: [], kind: 'page' };

/** The directives of a policy, by name. */
function directives(policy: string | undefined): Map<string, string> {
  return new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values.join(' ')]));
}

describe('securityHeaders', () => {
  it('gives a page a nonce-based script and style policy with neither eval nor unnonced inline code in production', () => {
    const csp = directives(securityHeaders(BASE)['Content-Security-Policy']);
    expect(csp.get('script-src')).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp.get('style-src')).toBe("'self' 'nonce-bm9uY2U='");
    expect(securityHeaders(BASE)['Content-Security-Policy']).not.toContain('unsafe-inline');
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('lets development mode use eval and inline styles, and only development mode', () => {
    const dev = directives(securityHeaders({ ...BASE, production: false })['Content-Security-Policy']);
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(securityHeaders(BASE)['Content-Security-Policy']).not.toContain('unsafe-eval');
  });

  it.each<[string, Partial<SecurityHeaderInputs>, string, string | undefined]>([
    ['a page, even with embed origins set', { kind: 'page', embedOrigins: ['https://news.example'] }, "'none'", 'DENY'],
    ['the embed page without embed origins', { kind: 'embed' }, "'none'", 'DENY'],
    ['the embed page with embed origins', { kind: 'embed', embedOrigins: ['https://news.example', 'http://localhost:4000'] }, 'https://news.example http://localhost:4000', undefined],
    ['an API answer, even with embed origins set', { kind: 'api', embedOrigins: ['https://news.example'] }, "'none'", 'DENY'],
  ])('framing of %s', (_name, inputs, ancestors, xFrameOptions) => {
    const headers = securityHeaders({ ...BASE, ...inputs });
    expect(directives(headers['Content-Security-Policy']).get('frame-ancestors')).toBe(ancestors);
    expect(headers['X-Frame-Options']).toBe(xFrameOptions);
  });

  it('gives an API answer a policy that allows nothing', () => {
    expect(securityHeaders({ ...BASE, kind: 'api' })['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it.each<[SecurityHeaderInputs['kind']]>([['page'], ['embed'], ['api']])('gives every %s answer the common headers', (kind) => {
    const headers = securityHeaders({ ...BASE, kind });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });

  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['http://sitrep.example', false],
    ['https://sitrep.example', true],
  ])('public origin %j: Strict-Transport-Security %s', (publicOrigin, hsts) => {
    const headers = securityHeaders({ ...BASE, publicOrigin });
    expect(headers['Strict-Transport-Security'] !== undefined).toBe(hsts);
    expect(headers['Content-Security-Policy']?.includes('upgrade-insecure-requests')).toBe(hsts);
  });
});

describe('answerKindOfPath', () => {
  it.each<[string, SecurityHeaderInputs['kind']]>([
    ['/', 'page'],
    ['/api/health', 'api'],
    ['/api', 'api'],
    ['/apis', 'page'],
    ['/embed/rooms/live', 'embed'],
    ['/embedded', 'page'],
    ['/watch/live', 'page'],
  ])('%s is a %s', (path, kind) => {
    expect(answerKindOfPath(path)).toBe(kind);
  });
});

describe('newCspNonce', () => {
  it('is 128 bits of base64, new each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newCspNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
