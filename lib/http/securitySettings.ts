import { answerKindOfPath, newCspNonce, securityHeaders, type SecurityHeaderInputs, type SecurityHeaders } from './securityHeaders';

/** The server's part of the security headers' inputs: the same for every answer. */
export type SecuritySettings = Pick<SecurityHeaderInputs, 'production' | 'publicOrigin' | 'embedOrigins'>;

/*
 * The custom server reads these from its configuration; Next.js bundles proxy.ts apart from server.ts, so the
 * hand-over goes through a global symbol (as lib/server/services.ts does for the route handlers).
 */
const SETTINGS_KEY = Symbol.for('sitrep.securitySettings');
type SettingsHolder = { [SETTINGS_KEY]?: SecuritySettings };

export function provideSecuritySettings(settings: SecuritySettings | undefined): void {
  (globalThis as SettingsHolder)[SETTINGS_KEY] = settings;
}

/** The settings given at start; without a custom server, the strictest: nothing may frame, no HSTS. */
export function getSecuritySettings(): SecuritySettings {
  return (
    (globalThis as SettingsHolder)[SETTINGS_KEY] ?? { production: process.env.NODE_ENV === 'production', publicOrigin: undefined, embedOrigins: [] }
  );
}

/**
 * The security headers of an answer to `pathname`, with a fresh nonce: what proxy.ts sets, and what the custom
 * server should set on an answer it writes itself, before Next.js (a path under /api/ gives the JSON answer's headers).
 */
export function securityHeadersFor(pathname: string): { nonce: string; headers: SecurityHeaders } {
  const nonce = newCspNonce();
  return { nonce, headers: securityHeaders({ ...getSecuritySettings(), nonce, kind: answerKindOfPath(pathname) }) };
}

/** The security headers of a JSON answer the custom server writes itself (a refusal before Next.js, a failure). */
export function jsonAnswerSecurityHeaders(): SecurityHeaders {
  return securityHeaders({ ...getSecuritySettings(), nonce: '', kind: 'api' });
}
