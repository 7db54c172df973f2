import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingTools } from '../../helpers/requiredTools';

const haproxy = { name: 'haproxy', howToGet: 'apt-get install haproxy' };

describe('missingTools', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lets the tests run when every tool is there', () => {
    expect(missingTools([{ ...haproxy, found: true }])).toBeUndefined();
  });

  it('outside CI, skips with a message saying how to get what is missing', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(missingTools([{ ...haproxy, found: false }, { name: 'redis-server', found: true, howToGet: '' }])).toBe(
      'haproxy is not installed: apt-get install haproxy',
    );
    expect(warn).toHaveBeenCalledWith('Skipped: haproxy is not installed: apt-get install haproxy');
    warn.mockRestore();
  });

  it('in CI, fails instead of skipping', () => {
    vi.stubEnv('CI', 'true');
    expect(() => missingTools([{ ...haproxy, found: false }])).toThrow(/In CI every tool must be installed: haproxy is not installed/);
  });
});
