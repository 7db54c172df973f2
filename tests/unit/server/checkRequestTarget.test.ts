import { describe, expect, it } from 'vitest';
import { checkRequestTarget } from '@/lib/server/http/checkRequestTarget';
import { matchAppRoute } from '@/lib/server/http/appRoutes';

describe('checkRequestTarget', () => {
  it.each([
    ['/', []],
    ['/api/health', ['api', 'health']],
    ['/api/scenarios/%3Cscript%3E', ['api', 'scenarios', '<script>']],
    ['/rooms/caf%C3%A9?x=%zz&y=%C0%AE', ['rooms', 'café']],
    ['/api/scenarios/a%20b', ['api', 'scenarios', 'a b']],
  ])('takes %s as segments %j', (target, segments) => {
    expect(checkRequestTarget(target)).toEqual({ ok: true, segments, path: target.split('?')[0] });
  });

  it.each([
    ['/api/scenarios/%', 400, /malformed percent-escape/],
    ['/api/scenarios/%4', 400, /malformed percent-escape/],
    ['/api/scenarios/%zz', 400, /malformed percent-escape/],
    ['/api/scenarios/%C0%AE%C0%AE%2Fetc', 400, /not UTF-8/],
    ['/api/scenarios/%E0%80%AF', 400, /not UTF-8/],
    ['/api/scenarios/%ED%A0%80', 400, /not UTF-8/],
    ['/api/scenarios/%FF', 400, /not UTF-8/],
    ['/api/scenarios/..%2Fhealth', 400, /encoded slash/],
    ['/api/scenarios/a%5Cb', 400, /encoded slash/],
    ['/api/scenarios/a%00b', 400, /control character/],
    ['/api/scenarios/%0d%0aSet-Cookie:x', 400, /control character/],
    ['/api/scenarios/..', 400, /dot segment/],
    ['/api/%2e%2e/health', 400, /dot segment/],
    ['/api/./health', 400, /dot segment/],
    ['//api/health', 400, /empty segment/],
    ['/api/health/', 400, /empty segment/],
    ['/rooms/a#key', 400, /characters it may not/],
    ['/rooms/é', 400, /characters it may not/],
    ['/rooms/a b', 400, /characters it may not/],
    ['http://example.com/api/health', 400, /must be a path/],
    ['*', 400, /must be a path/],
    [`/rooms/${'x'.repeat(257)}`, 414, /segment must be at most 256/],
    [`/api/scenarios/${'x'.repeat(10_000)}`, 414, /at most 2048 characters/],
  ])('refuses %s with %i', (target, status, message) => {
    const check = checkRequestTarget(target);
    expect(check).toMatchObject({ ok: false, status });
    expect(check.ok ? '' : check.message).toMatch(message);
  });
});

describe('matchAppRoute', () => {
  it.each([
    [['api', 'rooms', 'r1', 'deck', 'moments', 'm1'], '/api/rooms/[roomId]/deck/moments/[momentId]'],
    [['rooms', 'live'], '/rooms/[roomId]'],
    [[], '/'],
    [['api', 'rooms', 'r1', 'deck', 'nope'], undefined],
    [['rooms'], undefined],
  ])('%j is %s', (segments, pattern) => {
    expect(matchAppRoute(segments)?.pattern).toBe(pattern);
  });
});
