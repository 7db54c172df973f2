/**
 * The security headers of every answer Sitrep gives: pages, the one page made to be framed, and the JSON API.
 * Pure: the caller brings the nonce (a fresh one per request, from newCspNonce) and the settings.
 */

/** What an answer is: a page, the embeddable audience page, or a JSON answer of the API. */
export type AnswerKind = 'page' | 'embed' | 'api';

export interface SecurityHeaderInputs {
  /** The per-request nonce of the page's scripts and style elements; unused for `api`. */
  nonce: string;
  /** Development mode lets React's dev tooling use eval; production never does. */
  production: boolean;
  /** `SITREP_PUBLIC_URL`'s origin: an https one adds Strict-Transport-Security. */
  publicOrigin: string | undefined;
  /** `SITREP_EMBED_ORIGINS`: the origins that may frame an `embed` answer (none: no one may). */
  embedOrigins: readonly string[];
  kind: AnswerKind;
}

/** The header record: names in their usual spelling, one value each. */
export type SecurityHeaders = Record<string, string>;

const HSTS_MAX_AGE_S = 63_072_000; // two years

/** Everything a page could ask of the browser's hardware and place; fullscreen stays for the presenter's own page. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

function frameAncestors(kind: AnswerKind, embedOrigins: readonly string[]): string {
  if (kind === 'embed' && embedOrigins.length > 0) return embedOrigins.join(' ');
  return "'none'";
}

function pagePolicy({ nonce, production, publicOrigin, embedOrigins, kind }: SecurityHeaderInputs): string {
  const nonceSource = `'nonce-${nonce}'`;
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonce'd bootstrap scripts may load the rest of the bundles; hosts listed are ignored.
    `script-src 'self' ${nonceSource} 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    // No inline style without the nonce, not even a style attribute: the pages render their loading state on the
    // server, and React and recharts set styles through the CSSOM (element.style), which CSP does not restrict.
    // Development mode injects the CSS of hot reloading and its overlay as style elements without the nonce.
    production ? `style-src 'self' ${nonceSource}` : "style-src 'self' 'unsafe-inline'",
    // The chart PNG export draws an SVG data: URL onto a canvas and downloads a blob: URL.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // 'self' covers the socket (ws:/wss: of the same host) in CSP level 3 browsers.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    `frame-ancestors ${frameAncestors(kind, embedOrigins)}`,
  ];
  if (isHttps(publicOrigin)) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function isHttps(origin: string | undefined): boolean {
  return origin !== undefined && origin.startsWith('https://');
}

/** The security headers of one answer. */
export function securityHeaders(inputs: SecurityHeaderInputs): SecurityHeaders {
  const headers: SecurityHeaders = {
    'Content-Security-Policy': inputs.kind === 'api' ? API_POLICY : pagePolicy(inputs),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // The embeddable page's framers are named by frame-ancestors alone: X-Frame-Options cannot list origins.
  if (inputs.kind !== 'embed' || inputs.embedOrigins.length === 0) headers['X-Frame-Options'] = 'DENY';
  if (isHttps(inputs.publicOrigin)) headers['Strict-Transport-Security'] = `max-age=${HSTS_MAX_AGE_S}; includeSubDomains`;
  return headers;
}

/** Which kind of answer a request path gets. */
export function answerKindOfPath(pathname: string): AnswerKind {
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api';
  if (pathname.startsWith('/embed/')) return 'embed';
  return 'page';
}

const NONCE_BYTES = 16;

/** A fresh nonce: 128 random bits in base64 (works in Node and in any Web Crypto runtime). */
export function newCspNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}
