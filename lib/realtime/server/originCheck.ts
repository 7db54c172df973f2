import type { IncomingMessage } from 'node:http';

/**
 * Which browser origins may open a socket. `same-origin` (the default) accepts a page served by this server;
 * a list accepts exactly those origins. Requests without an Origin header (non-browser clients) are accepted:
 * the check exists to stop other web pages from driving a visitor's browser.
 */
export type OriginPolicy = { kind: 'same-origin' } | { kind: 'allowlist'; origins: readonly string[] };

export function isOriginAllowed(request: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (policy.kind === 'allowlist') return policy.origins.includes(origin);
  const host = request.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** `SITREP_ALLOWED_ORIGINS`: unset for same-origin, or a comma-separated list of origins. */
export function originPolicyFromEnv(value: string | undefined): OriginPolicy {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) return { kind: 'same-origin' };
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`SITREP_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://example.org`);
    }
    if (parsed.origin !== origin) {
      throw new Error(`SITREP_ALLOWED_ORIGINS: "${origin}" is not an origin (expected "${parsed.origin}")`);
    }
  }
  return { kind: 'allowlist', origins };
}
