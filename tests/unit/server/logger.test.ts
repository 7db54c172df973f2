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
