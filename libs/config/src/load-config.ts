import path from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config.error';
import {
  ApiServerConfig,
  AuthConfig,
  BroadcastConfig,
  LibraryConfig,
  RecordingConfig,
  StorageConfig,
  LessonConfig,
  LiveConfig,
  LogConfig,
  MediaServerConfig,
  MediasoupConfig,
  MongoConfig,
  RedisConfig,
  RuntimeConfig,
  type ApiConfig,
  type MediaConfig,
} from './config.types';
import { apiEnv, commonEnv, defaultAnnouncedIp, defaultNodeId, mediaEnv } from './env.schema';

type Env = Record<string, string | undefined>;

function parse<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  // Empty strings count as unset, as in most .env loaders.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`));
  }
  return result.data;
}

function storage(e: { STORAGE_ROOT: string; FFMPEG_PATH: string; FFPROBE_PATH: string }): StorageConfig {
  return new StorageConfig(path.resolve(e.STORAGE_ROOT), e.FFMPEG_PATH, e.FFPROBE_PATH);
}

function common(e: z.output<typeof commonEnv>) {
  return {
    runtime: new RuntimeConfig(e.NODE_ENV),
    log: new LogConfig(e.LOG_LEVEL, e.LOG_PRETTY),
    redis: new RedisConfig(e.REDIS_URL),
    auth: new AuthConfig(e.JWT_SECRET),
  };
}

/** Reads and validates the API process's configuration; throws ConfigError. */
export function loadApiConfig(env: Env = process.env): ApiConfig {
  const e = parse(apiEnv, env);
  return {
    ...common(e),
    auth: new AuthConfig(e.JWT_SECRET, e.ACCESS_TOKEN_TTL_MIN, e.REFRESH_TOKEN_TTL_DAYS),
    mongo: new MongoConfig(e.MONGODB_URI, e.MONGODB_DB),
    server: new ApiServerConfig(
      e.API_HOST,
      e.API_PORT,
      path.resolve(e.WEB_DIST_DIR),
      e.SEED_DEMO,
      e.SEED_DEMO_TIMETABLE,
      e.SEED_DEMO_LIBRARY,
      e.SEED_DEMO_RESEARCH,
      e.SEED_DEMO_INSIGHT,
    ),
    lesson: new LessonConfig(e.LESSON_OPEN_LEAD_MIN, e.LESSON_MISSED_GRACE_MIN, e.LESSON_LIFECYCLE_TICK_S),
    storage: storage(e),
    library: new LibraryConfig(
      e.UPLOAD_MAX_MB * 1024 * 1024,
      e.PROCESSING_CONCURRENCY,
      e.PROCESSING_ATTEMPTS,
      e.HLS_SEGMENT_S,
      e.PLAYBACK_TOKEN_TTL_S,
    ),
  };
}

function turnServer(e: z.output<typeof mediaEnv>) {
  if (!e.TURN_URLS) return undefined;
  const urls = e.TURN_URLS.split(',').map((u) => u.trim());
  const bad = urls.find((u) => !/^turns?:[^\s]+$/.test(u));
  if (bad) throw new ConfigError([`TURN_URLS entry "${bad}" must look like turn:host:port or turns:host:port`]);
  if (!e.TURN_SECRET) throw new ConfigError(['TURN_SECRET is required when TURN_URLS is set']);
  return { urls, secret: e.TURN_SECRET };
}

/** Reads and validates a media node's configuration; throws ConfigError. */
export function loadMediaConfig(env: Env = process.env): MediaConfig {
  const e = parse(mediaEnv, env);
  if (e.MEDIASOUP_RTC_MIN_PORT >= e.MEDIASOUP_RTC_MAX_PORT) {
    throw new ConfigError(['MEDIASOUP_RTC_MIN_PORT must be lower than MEDIASOUP_RTC_MAX_PORT']);
  }
  const publicUrl = e.MEDIA_PUBLIC_URL ?? `http://localhost:${e.MEDIA_PORT}`;
  return {
    ...common(e),
    server: new MediaServerConfig(
      e.MEDIA_HOST,
      e.MEDIA_PORT,
      publicUrl.replace(/\/$/, ''),
      e.MEDIA_NODE_ID ?? defaultNodeId(e.MEDIA_PORT),
      e.MEDIA_REPORT_INTERVAL_MS,
    ),
    mediasoup: new MediasoupConfig(
      e.MEDIASOUP_WORKER_BIN,
      e.MEDIASOUP_NUM_WORKERS,
      e.MEDIASOUP_LOG_LEVEL,
      e.MEDIASOUP_LISTEN_IP,
      e.MEDIASOUP_ANNOUNCED_IP ?? (e.MEDIASOUP_LISTEN_IP === '0.0.0.0' ? defaultAnnouncedIp() : undefined),
      e.MEDIASOUP_RTC_MIN_PORT,
      e.MEDIASOUP_RTC_MAX_PORT,
      turnServer(e),
    ),
    live: new LiveConfig(
      e.API_INTERNAL_URL.replace(/\/$/, ''),
      e.LIVE_ROOM_EMPTY_GRACE_MS,
      e.LIVE_PEER_RECONNECT_GRACE_MS,
    ),
    storage: storage(e),
    recording: new RecordingConfig(e.RECORDING_ENABLED, e.RECORDING_SEGMENT_S),
    broadcast: new BroadcastConfig(e.BROADCAST_WORKER_CONSUMER_BUDGET),
  };
}
