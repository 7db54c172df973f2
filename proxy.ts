import { NextResponse, type NextRequest } from 'next/server';
import { securityHeadersFor } from '@/lib/http/securitySettings';

/**
 * Every page and API answer gets its security headers here, with a fresh CSP nonce. The nonce and the policy are
 * also put on the request: Next.js reads the policy from it and puts the nonce on its own scripts and styles.
 * Static files (/_next/static) are not matched: next.config.js and the custom server give them nosniff.
 */
export function proxy(request: NextRequest) {
  const { nonce, headers } = securityHeadersFor(request.nextUrl.pathname);
  const csp = headers['Content-Security-Policy'] ?? '';
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static/).*)'],
};
