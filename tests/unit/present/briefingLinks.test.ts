import { describe, expect, it } from 'vitest';
import { audienceLink, presenterLink } from '@/app/briefings/briefingLinks';

describe('briefing links', () => {
  const origin = 'https://sitrep.example';
  it('puts the presenter key in the fragment of the presenter link', () => {
    expect(presenterLink(origin, 'room_1', 'key-2_X')).toBe('https://sitrep.example/present/room_1#key=key-2_X');
  });
  it('never puts the key in the audience link', () => {
    expect(audienceLink(origin, 'room_1')).toBe('https://sitrep.example/watch/room_1');
  });
});
