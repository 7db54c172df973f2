import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * Which browser origins may open a socket. `same-origin` (the default) accepts a page served by this server: the
 * same scheme, host and port — `publicOrigin` (from SITREP_PUBLIC_URL) when the server sits behind a proxy that
 * changes the scheme or the port, else the connection's own scheme and Host header. A list accepts exactly those
 * origins. Requests without an Origin header (non-browser clients) are accepted: the check exists to stop other
 * web pages from driving a visitor's browser.
 */
export type OriginPolicy = { kind: 'same-origin'; publicOrigin?: string } | { kind: 'allowlist'; origins: readonly string[] };

/** The origin of this server as the request reached it: https on a TLS connection, else http; the Host header. */
function ownOrigin(request: IncomingMessage): string | null {
  const host = request.headers.host;
  if (!host) return null;
  const scheme = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

export function isOriginAllowed(request: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (policy.kind === 'allowlist') return policy.origins.includes(origin);
  const expected = policy.publicOrigin ?? ownOrigin(request);
  if (expected === null) return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/** A comma-separated list of origins (`https://example.org,http://localhost:3000`); a bad one names the variable. */
export function parseOriginList(value: string | undefined, variable: string): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`${variable}: "${origin}" is not an origin such as https://example.org`);
    }
    if (parsed.origin !== origin) {
      throw new Error(`${variable}: "${origin}" is not an origin (expected "${parsed.origin}")`);
    }
  }
  return origins;
}

/** `SITREP_PUBLIC_URL`: unset, or an http(s) URL whose origin is the one browsers see. */
export function publicOriginFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`SITREP_PUBLIC_URL: "${value}" is not a URL such as https://sitrep.example.org`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`SITREP_PUBLIC_URL: "${value}" is not an http or https URL`);
  }
  return parsed.origin;
}

/**
 * `SITREP_ALLOWED_ORIGINS`: unset for same-origin (the origin of `SITREP_PUBLIC_URL` when it is set), or a
 * comma-separated list of origins.
 */
export function originPolicyFromEnv(value: string | undefined, publicOrigin?: string): OriginPolicy {
  const origins = parseOriginList(value, 'SITREP_ALLOWED_ORIGINS');
  if (origins.length === 0) return publicOrigin === undefined ? { kind: 'same-origin' } : { kind: 'same-origin', publicOrigin };
  return { kind: 'allowlist', origins };
}
