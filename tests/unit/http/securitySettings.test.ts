import { afterEach, describe, expect, it } from 'vitest';
import { provideSecuritySettings, securityHeadersFor } from '@/lib/http/securitySettings';

const frameAncestors = (headers: Record<string, string>) => /frame-ancestors ([^;]+)/.exec(headers['Content-Security-Policy'] ?? '')?.[1];

describe('securityHeadersFor', () => {
  afterEach(() => provideSecuritySettings(undefined));

  it('uses the settings the server provided, and the kind of the path', () => {
    provideSecuritySettings({ production: true, publicOrigin: 'https://sitrep.example', embedOrigins: ['https://news.example'] });
    const embed = securityHeadersFor('/embed/rooms/live');
    expect(frameAncestors(embed.headers)).toBe('https://news.example');
    expect(embed.headers['Content-Security-Policy']).toContain(`'nonce-${embed.nonce}'`);
    expect(embed.headers['Strict-Transport-Security']).toBeDefined();
    expect(securityHeadersFor('/api/rooms').headers['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(frameAncestors(securityHeadersFor('/').headers)).toBe("'none'");
  });

  it('without provided settings, lets no one frame any page and sends no HSTS', () => {
    const embed = securityHeadersFor('/embed/rooms/live');
    expect(frameAncestors(embed.headers)).toBe("'none'");
    expect(embed.headers['X-Frame-Options']).toBe('DENY');
    expect(embed.headers['Strict-Transport-Security']).toBeUndefined();
  });

  it('gives each answer its own nonce', () => {
    expect(securityHeadersFor('/').nonce).not.toBe(securityHeadersFor('/').nonce);
  });
});
