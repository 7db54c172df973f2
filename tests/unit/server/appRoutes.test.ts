import { describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES, MAX_STORY_BODY_BYTES } from '@/lib/api/readJsonBody';
import { matchAppRoute, maxBodyBytesFor } from '@/lib/server/http/appRoutes';

describe('maxBodyBytesFor', () => {
  it.each([
    [['api', 'studio', 'stories', 'a-story'], 'PUT', MAX_STORY_BODY_BYTES],
    [['api', 'studio', 'stories', 'a-story'], 'GET', MAX_JSON_BODY_BYTES],
    [['api', 'studio', 'stories'], 'GET', MAX_JSON_BODY_BYTES],
    [['api', 'rooms'], 'POST', MAX_JSON_BODY_BYTES],
    [['api', 'rooms', 'r', 'deck', 'order'], 'PUT', MAX_JSON_BODY_BYTES],
    [['no-such-route'], 'PUT', MAX_JSON_BODY_BYTES],
  ])('%j %s takes at most %i bytes', (segments, method, bytes) => {
    expect(maxBodyBytesFor(matchAppRoute(segments), method)).toBe(bytes);
  });
});
