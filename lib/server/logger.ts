import pino from 'pino';

/**
 * Structured JSON logs (one object a line). Call as `logger.info('message')` or `logger.warn({ roomId }, 'message')`;
 * errors go under `err`: `logger.error({ err: error }, 'message')`. Request logs carry `requestId`, room and socket logs
 * `roomId` (through `logger.child({ ... })`).
 */
export type Logger = pino.Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fields that may hold a secret, censored wherever they appear in a log object (top level or one level down). Code
 * must still never log a handshake's auth, request headers or a body: this is the second line, not the first.
 */
export const REDACTED_LOG_FIELDS = ['presenterKey', 'key', 'auth', 'authorization', 'cookie', 'password', 'editorKey', 'headers', 'body'] as const;
const REDACT_PATHS = REDACTED_LOG_FIELDS.flatMap((field) => [field, `*.${field}`]);

/** Where log lines go: stdout by default; tests pass a stream of their own. */
export interface LogDestination {
  write(line: string): void;
}

export function createLogger(options: { level?: LogLevel; destination?: LogDestination } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
