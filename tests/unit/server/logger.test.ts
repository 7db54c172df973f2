import { describe, expect, it } from 'vitest';
import { serverConfigFromEnv } from '@/lib/server/config';
import { createLogger } from '@/lib/server/logger';

function capture(level: Parameters<typeof createLogger>[0] = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ ...level, destination: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object a line with a named level, the message and the fields', () => {
    const { logger, lines } = capture();
    logger.child({ requestId: 'r1' }).warn({ status: 404 }, 'Request refused');
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'Request refused', requestId: 'r1', status: 404, time: expect.any(String) })]);
  });

  it.each([
    ['presenterKey', { presenterKey: 'secret-1' }],
    ['a nested key', { room: { presenterKey: 'secret-1' } }],
    ['handshake auth', { auth: { presenterKey: 'secret-1', room: 'live' } }],
    ['headers', { headers: { authorization: 'Bearer secret-1', cookie: 'k=secret-1' } }],
    ['a body', { body: '{"presenterKey":"secret-1"}' }],
    ['a password', { database: { password: 'secret-1' } }],
    ['an editor key', { editorKey: 'secret-1' }],
  ])('censors %s', (_name, fields) => {
    const { logger, lines } = capture();
    logger.info(fields, 'something');
    expect(JSON.stringify(lines)).not.toContain('secret-1');
    expect(JSON.stringify(lines)).toContain('[redacted]');
  });

  it('leaves out what is below its level', () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.info('quiet');
    logger.debug('quieter');
    logger.error({ err: new Error('boom') }, 'loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
    expect(lines[0]?.err).toMatchObject({ message: 'boom', stack: expect.stringContaining('Error: boom') });
  });
});

describe('SITREP_LOG_LEVEL', () => {
  it.each([
    [undefined, 'info'],
    ['', 'info'],
    ['debug', 'debug'],
    ['WARN', 'warn'],
    ['silent', 'silent'],
  ])('%s gives %s', (value, level) => {
    expect(serverConfigFromEnv({ SITREP_LOG_LEVEL: value }).logLevel).toBe(level);
  });

  it('refuses a level it does not know, naming the variable', () => {
    expect(() => serverConfigFromEnv({ SITREP_LOG_LEVEL: 'verbose' })).toThrow(/^SITREP_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/);
  });
});

describe('SITREP_EDITOR_KEY', () => {
  it('is optional: unset or empty, editing is disabled', () => {
    expect(serverConfigFromEnv({}).editorKey).toBeUndefined();
    expect(serverConfigFromEnv({ SITREP_EDITOR_KEY: '' }).editorKey).toBeUndefined();
  });

  it('is kept when long enough and sendable in a header', () => {
    expect(serverConfigFromEnv({ SITREP_EDITOR_KEY: 'k'.repeat(22) }).editorKey).toBe('k'.repeat(22));
  });

  it.each([
    ['too short', 'k'.repeat(21), /^SITREP_EDITOR_KEY: too short to be safe \(at least 22 characters/],
    ['with a space', `${'k'.repeat(22)} x`, /^SITREP_EDITOR_KEY: only printable ASCII characters without spaces/],
    ['not ASCII', `${'k'.repeat(22)}é`, /^SITREP_EDITOR_KEY: only printable ASCII/],
  ])('is refused when %s, without the key in the message', (_name, key, message) => {
    expect(() => serverConfigFromEnv({ SITREP_EDITOR_KEY: key })).toThrow(message);
    try {
      serverConfigFromEnv({ SITREP_EDITOR_KEY: key });
    } catch (error) {
      expect(String(error)).not.toContain(key);
    }
  });
});
