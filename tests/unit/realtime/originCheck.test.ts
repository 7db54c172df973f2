import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isOriginAllowed, originPolicyFromEnv, parseOriginList, publicOriginFromEnv, type OriginPolicy } from '@/lib/realtime/server/originCheck';

function request(headers: { origin?: string; host?: string }, encrypted = false): IncomingMessage {
  return { headers, socket: encrypted ? { encrypted: true } : {} } as unknown as IncomingMessage;
}

const SAME: OriginPolicy = { kind: 'same-origin' };
const BEHIND_PROXY: OriginPolicy = { kind: 'same-origin', publicOrigin: 'https://sitrep.example.org' };
const LIST: OriginPolicy = { kind: 'allowlist', origins: ['https://news.example.org'] };

describe('isOriginAllowed', () => {
  it.each<[string, OriginPolicy, { origin?: string; host?: string }, boolean, boolean]>([
    ['no Origin header (not a browser)', SAME, { host: '127.0.0.1:3000' }, false, true],
    ['same scheme, host and port', SAME, { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, false, true],
    ['https page against a plain http server', SAME, { origin: 'https://127.0.0.1:3000', host: '127.0.0.1:3000' }, false, false],
    ['http page against a TLS connection', SAME, { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, true, false],
    ['https page against a TLS connection', SAME, { origin: 'https://127.0.0.1:3000', host: '127.0.0.1:3000' }, true, true],
    ['another port', SAME, { origin: 'http://127.0.0.1:3001', host: '127.0.0.1:3000' }, false, false],
    ['another host', SAME, { origin: 'http://evil.example:3000', host: '127.0.0.1:3000' }, false, false],
    ['default port written out in Host', SAME, { origin: 'http://localhost', host: 'localhost:80' }, false, true],
    ['no Host header', SAME, { origin: 'http://127.0.0.1:3000' }, false, false],
    ['Origin "null" (sandboxed frame)', SAME, { origin: 'null', host: '127.0.0.1:3000' }, false, false],
    ['public URL: its origin', BEHIND_PROXY, { origin: 'https://sitrep.example.org', host: '127.0.0.1:3000' }, false, true],
    ['public URL: the http twin', BEHIND_PROXY, { origin: 'http://sitrep.example.org', host: 'sitrep.example.org' }, false, false],
    ['public URL: the local address', BEHIND_PROXY, { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, false, false],
    ['allowlist: listed', LIST, { origin: 'https://news.example.org', host: '127.0.0.1:3000' }, false, true],
    ['allowlist: the http twin', LIST, { origin: 'http://news.example.org', host: '127.0.0.1:3000' }, false, false],
  ])('%s', (_name, policy, headers, encrypted, allowed) => {
    expect(isOriginAllowed(request(headers, encrypted), policy)).toBe(allowed);
  });
});

describe('origin settings from the environment', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['https://a.example, http://localhost:3000 ', ['https://a.example', 'http://localhost:3000']],
  ])('parseOriginList(%j)', (value, origins) => {
    expect(parseOriginList(value, 'SITREP_EMBED_ORIGINS')).toEqual(origins);
  });

  it.each([
    ['nonsense', /SITREP_EMBED_ORIGINS: "nonsense" is not an origin such as/],
    ['https://a.example/path', /SITREP_EMBED_ORIGINS: "https:\/\/a.example\/path" is not an origin \(expected "https:\/\/a.example"\)/],
  ])('parseOriginList refuses %j', (value, message) => {
    expect(() => parseOriginList(value, 'SITREP_EMBED_ORIGINS')).toThrow(message);
  });

  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['https://sitrep.example.org/', 'https://sitrep.example.org'],
    ['http://10.0.0.2:8080/sitrep', 'http://10.0.0.2:8080'],
  ])('publicOriginFromEnv(%j)', (value, origin) => {
    expect(publicOriginFromEnv(value)).toBe(origin);
  });

  it.each(['sitrep.example.org', 'ftp://sitrep.example.org'])('publicOriginFromEnv refuses %j', (value) => {
    expect(() => publicOriginFromEnv(value)).toThrow(/SITREP_PUBLIC_URL/);
  });

  it('the public origin becomes the same-origin policy\'s; an allowlist ignores it', () => {
    expect(originPolicyFromEnv(undefined, 'https://s.example')).toEqual({ kind: 'same-origin', publicOrigin: 'https://s.example' });
    expect(originPolicyFromEnv(undefined)).toEqual({ kind: 'same-origin' });
    expect(originPolicyFromEnv('https://a.example', 'https://s.example')).toEqual({ kind: 'allowlist', origins: ['https://a.example'] });
  });
});
