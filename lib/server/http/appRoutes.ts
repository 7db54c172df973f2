import { MAX_JSON_BODY_BYTES, MAX_STORY_BODY_BYTES } from '../../api/readJsonBody';

/**
 * Every route of app/ with the methods it answers. The server refuses any other path or method before Next.js sees
 * it; tests/integration/httpFuzz.test.ts fails when a route.ts or page.tsx under app/ is missing here.
 */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `api`: JSON route handlers; `page`: rendered pages; `file`: files generated from app/ (the icon). */
export type RouteKind = 'api' | 'page' | 'file';

export interface AppRoute {
  /** The path as app/ spells it: `[name]` is one segment. */
  pattern: string;
  kind: RouteKind;
  /** HEAD is allowed wherever GET is. */
  methods: readonly HttpMethod[];
  /** The largest body its body methods take, when it is not MAX_JSON_BODY_BYTES (4 KB). */
  maxBodyBytes?: number;
}

export const APP_ROUTES: readonly AppRoute[] = [
  { pattern: '/', kind: 'page', methods: ['GET'] },
  { pattern: '/stories', kind: 'page', methods: ['GET'] },
  { pattern: '/briefings/new', kind: 'page', methods: ['GET'] },
  { pattern: '/studio', kind: 'page', methods: ['GET'] },
  { pattern: '/studio/new', kind: 'page', methods: ['GET'] },
  { pattern: '/studio/[storyId]', kind: 'page', methods: ['GET'] },
  { pattern: '/rooms/[roomId]', kind: 'page', methods: ['GET'] },
  { pattern: '/watch/[roomId]', kind: 'page', methods: ['GET'] },
  { pattern: '/present/[roomId]', kind: 'page', methods: ['GET'] },
  { pattern: '/handout/[roomId]', kind: 'page', methods: ['GET'] },
  { pattern: '/embed/rooms/[roomId]', kind: 'page', methods: ['GET'] },
  { pattern: '/icon.svg', kind: 'file', methods: ['GET'] },
  { pattern: '/api/health', kind: 'api', methods: ['GET'] },
  { pattern: '/api/scenarios', kind: 'api', methods: ['GET'] },
  { pattern: '/api/scenarios/[id]', kind: 'api', methods: ['GET'] },
  { pattern: '/api/scenarios/[id]/source', kind: 'api', methods: ['GET'] },
  { pattern: '/api/scenarios/[id]/export', kind: 'api', methods: ['GET'] },
  { pattern: '/api/rooms', kind: 'api', methods: ['POST'] },
  { pattern: '/api/rooms/[roomId]', kind: 'api', methods: ['GET'] },
  { pattern: '/api/rooms/[roomId]/deck', kind: 'api', methods: ['GET'] },
  { pattern: '/api/rooms/[roomId]/deck/moments', kind: 'api', methods: ['POST'] },
  { pattern: '/api/rooms/[roomId]/deck/moments/[momentId]', kind: 'api', methods: ['PATCH', 'DELETE'] },
  { pattern: '/api/rooms/[roomId]/deck/order', kind: 'api', methods: ['PUT'] },
  { pattern: '/api/studio/stories', kind: 'api', methods: ['GET'] },
  { pattern: '/api/studio/stories/[id]', kind: 'api', methods: ['GET', 'PUT'], maxBodyBytes: MAX_STORY_BODY_BYTES },
];

/** Next.js's own files (scripts, styles, chunks) and, in development, its tooling: passed through as they are. */
export const NEXT_INTERNAL_PREFIXES = ['/_next/', '/__nextjs'] as const;

const patternSegments = new Map(APP_ROUTES.map((route) => [route, route.pattern.split('/').filter(Boolean)]));

/** The route whose pattern the (decoded) path segments fit, if any. */
export function matchAppRoute(segments: readonly string[]): AppRoute | undefined {
  return APP_ROUTES.find((route) => {
    const pattern = patternSegments.get(route) ?? [];
    return pattern.length === segments.length && pattern.every((part, i) => part.startsWith('[') || part === segments[i]);
  });
}

/** The `Allow` header of a route. */
export function allowedMethods(route: AppRoute): HttpMethod[] {
  return route.methods.includes('GET') ? [...route.methods, 'HEAD'] : [...route.methods];
}

/** Methods whose body the API reads as JSON. */
export const BODY_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH'];

/** The largest body a request may carry: its route's own limit for a body method, 4 KB otherwise. */
export function maxBodyBytesFor(route: AppRoute | undefined, method: string): number {
  return route?.maxBodyBytes !== undefined && BODY_METHODS.includes(method) ? route.maxBodyBytes : MAX_JSON_BODY_BYTES;
}
