import path from 'node:path';
import { z } from 'zod';
import { originPolicyFromEnv, parseOriginList, publicOriginFromEnv, type OriginPolicy } from '../realtime/server/originCheck';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from '../replay/rates';
import { eventsDirFromEnv } from '../storyFiles/eventsDir';
import { DEFAULT_MAX_STORED_ROOMS } from '../realtime/server/roomRegistry';
import { redactedDatabaseUrl } from '../storage/postgresDialect';
import { LOG_LEVELS, type LogLevel } from './logger';

/** A presenter key from the environment must carry at least 128 bits: 22 base64 characters. */
export const MIN_PRESENTER_KEY_LENGTH = 22;
const DAY_PER_10S = 8_640;
/** What an editor key may hold: it is sent as `Authorization: Bearer <key>`. */
export const EDITOR_KEY_PATTERN = /^[\x21-\x7e]{1,512}$/;

export interface ServerConfig {
  port: number;
  host: string | undefined;
  dev: boolean;
  eventsDir: string;
  /** Where the embedded database (SQLite) of rooms and decks is kept when no database URL is given. */
  dataDir: string;
  /** `SITREP_DATABASE_URL` (postgres://…): rooms and decks in PostgreSQL instead, shared by several nodes. */
  databaseUrl: string | undefined;
  /** `SITREP_REDIS_URL` (redis://…): this node is one of several sharing rooms through Redis and PostgreSQL. */
  redisUrl: string | undefined;
  /** `SITREP_MAX_ROOMS`: the most rooms kept in storage; creating more is refused. */
  maxStoredRooms: number;
  /** The live room's key; generated (and printed) at start when not given. */
  presenterKey: string | undefined;
  /** `SITREP_EDITOR_KEY`: the key that saves stories from the studio; without it editing is disabled. */
  editorKey: string | undefined;
  originPolicy: OriginPolicy;
  /** `SITREP_PUBLIC_URL`'s origin: the one browsers see (https adds Strict-Transport-Security). */
  publicOrigin: string | undefined;
  /** `SITREP_EMBED_ORIGINS`: the origins whose pages may frame /embed/rooms/… (none when unset). */
  embedOrigins: readonly string[];
  /** The story of the live room; the first story by id when not given. */
  liveScenarioId: string | undefined;
  liveStorySecondsPerSecond: number;
  maxGapWallMs: number;
  loopHoldWallMs: number;
  controlsPerSecond: number;
  /** Rooms each client address may create per minute. */
  roomCreationsPerMinute: number;
  /** The least severe level written to the log. */
  logLevel: LogLevel;
}

function databaseUrlVar(env: EnvVars): string | undefined {
  const raw = env.SITREP_DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  if (!/^postgres(ql)?:\/\/[^/]/.test(raw)) {
    throw new Error(`SITREP_DATABASE_URL: expected postgres://user:password@host:port/database, got "${redactedDatabaseUrl(raw)}"`);
  }
  return raw;
}

/**
 * SITREP_REDIS_URL, refused without what several nodes must share: rooms and decks in PostgreSQL (a SQLite file is one
 * machine's), and the live room's key (nodes starting together would each generate their own).
 */
function redisUrlVar(env: EnvVars, presenterKey: string | undefined): string | undefined {
  const raw = env.SITREP_REDIS_URL;
  if (raw === undefined || raw === '') return undefined;
  if (!/^rediss?:\/\/[^/]/.test(raw)) throw new Error(`SITREP_REDIS_URL: expected redis://host:port, got "${redactedDatabaseUrl(raw)}"`);
  if (!env.SITREP_DATABASE_URL) {
    throw new Error(
      'SITREP_REDIS_URL is set but SITREP_DATABASE_URL is not: several nodes share their rooms and decks through PostgreSQL ' +
        '(a SQLite file belongs to one machine); set SITREP_DATABASE_URL=postgres://… on every node',
    );
  }
  if (presenterKey === undefined) {
    throw new Error('SITREP_REDIS_URL is set but SITREP_PRESENTER_KEY is not: every node must hold the same key of the live room; set it on every node');
  }
  return raw;
}

function logLevelVar(env: EnvVars): LogLevel {
  const raw = env.SITREP_LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new Error(`SITREP_LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function numberVar(env: EnvVars, name: string, fallback: number, schema: z.ZodNumber, expected: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(Number(raw));
  if (!parsed.success) throw new Error(`${name}: expected ${expected}, got "${raw}"`);
  return parsed.data;
}

/** Reads the server's settings from the environment; a bad value names the variable and the reason. */
export type EnvVars = Readonly<Record<string, string | undefined>>;

export function serverConfigFromEnv(env: EnvVars, argv: readonly string[] = []): ServerConfig {
  const presenterKey = env.SITREP_PRESENTER_KEY || undefined;
  if (presenterKey !== undefined && presenterKey.length < MIN_PRESENTER_KEY_LENGTH) {
    throw new Error(`SITREP_PRESENTER_KEY: too short to be safe (at least ${MIN_PRESENTER_KEY_LENGTH} characters, 128 random bits)`);
  }
  const editorKey = env.SITREP_EDITOR_KEY || undefined;
  if (editorKey !== undefined && editorKey.length < MIN_PRESENTER_KEY_LENGTH) {
    throw new Error(`SITREP_EDITOR_KEY: too short to be safe (at least ${MIN_PRESENTER_KEY_LENGTH} characters, 128 random bits)`);
  }
  if (editorKey !== undefined && !EDITOR_KEY_PATTERN.test(editorKey)) {
    throw new Error('SITREP_EDITOR_KEY: only printable ASCII characters without spaces, at most 512 (it travels in an Authorization header)');
  }
  const publicOrigin = publicOriginFromEnv(env.SITREP_PUBLIC_URL);
  return {
    port: numberVar(env, 'PORT', 3000, z.number().int().min(0).max(65_535), 'a whole number from 0 to 65535'),
    host: env.HOST || undefined,
    dev: argv.includes('--dev'),
    eventsDir: eventsDirFromEnv(env),
    dataDir: path.resolve(env.SITREP_DATA_DIR || 'data'),
    databaseUrl: databaseUrlVar(env),
    redisUrl: redisUrlVar(env, presenterKey),
    maxStoredRooms: numberVar(env, 'SITREP_MAX_ROOMS', DEFAULT_MAX_STORED_ROOMS, z.number().int().min(1).max(1_000_000), 'a whole number from 1 to 1000000'),
    presenterKey,
    editorKey,
    originPolicy: originPolicyFromEnv(env.SITREP_ALLOWED_ORIGINS, publicOrigin),
    publicOrigin,
    embedOrigins: parseOriginList(env.SITREP_EMBED_ORIGINS, 'SITREP_EMBED_ORIGINS'),
    liveScenarioId: env.SITREP_LIVE_SCENARIO || undefined,
    liveStorySecondsPerSecond: numberVar(
      env,
      'SITREP_LIVE_RATE',
      DAY_PER_10S,
      z.number().min(MIN_STORY_SECONDS_PER_SECOND).max(MAX_STORY_SECONDS_PER_SECOND),
      `story seconds per second, from ${MIN_STORY_SECONDS_PER_SECOND} to ${MAX_STORY_SECONDS_PER_SECOND}`,
    ),
    maxGapWallMs: numberVar(env, 'SITREP_MAX_GAP_MS', 3_000, z.number().int().min(1).max(3_600_000), 'milliseconds from 1 to 3600000'),
    loopHoldWallMs: numberVar(env, 'SITREP_LOOP_HOLD_MS', 10_000, z.number().int().min(100).max(3_600_000), 'milliseconds from 100 to 3600000'),
    controlsPerSecond: numberVar(env, 'SITREP_CONTROLS_PER_SECOND', 10, z.number().int().min(1).max(1_000), 'a whole number from 1 to 1000'),
    roomCreationsPerMinute: numberVar(env, 'SITREP_ROOMS_PER_MINUTE', 30, z.number().int().min(1).max(100_000), 'a whole number from 1 to 100000'),
    logLevel: logLevelVar(env),
  };
}
