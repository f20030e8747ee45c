import { accessSync, constants, statSync } from 'node:fs';
import { cpus, hostname, networkInterfaces } from 'node:os';
import { z } from 'zod';

// Each environment variable, validated with a message that says what is expected.
// Variable names are the object keys, so an error names the variable.

const port = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1, 'must be a port number 1-65535')
    .max(65535, 'must be a port number 1-65535')
    .default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const httpUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s):// URL');

const executableFile = z.string().refine((p) => {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}, 'must be the path of an executable file (run `npm run setup` to build the mediasoup worker)');

export const commonEnv = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
    .default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be a pino level (info, debug, ...)',
    })
    .default('info'),
  LOG_PRETTY: bool(false),
  REDIS_URL: z
    .string({ message: 'is required (redis://host:port)' })
    .refine((v) => URL.canParse(v) && /^rediss?:$/.test(new URL(v).protocol), 'must be a redis:// or rediss:// URL'),
  JWT_SECRET: z.string({ message: 'is required' }).min(32, 'must be at least 32 characters'),
});

/** Storage and ffmpeg, read by the API and media nodes alike. */
const storageEnv = {
  STORAGE_ROOT: z.string().min(1).default('data/storage'),
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  FFPROBE_PATH: z.string().min(1).default('ffprobe'),
};

export const apiEnv = commonEnv.extend({
  ...storageEnv,
  UPLOAD_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(64 * 1024)
    .default(4096),
  PROCESSING_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  PROCESSING_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  HLS_SEGMENT_S: z.coerce.number().int().min(1).max(10).default(4),
  PLAYBACK_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(6 * 3600),
  API_HOST: z.string().default('0.0.0.0'),
  API_PORT: port(3000),
  MONGODB_URI: z
    .string({ message: 'is required (mongodb://host:port/db)' })
    .refine(
      (v) => /^mongodb(\+srv)?:\/\/[^/\s]+/.test(v),
      'must be a MongoDB connection string (mongodb://host:port/db)',
    ),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z]+$/, 'must be latin letters only (FerretDB limit)')
    .default('tongke'),
  WEB_DIST_DIR: z.string().default('dist/apps/web'),
  SEED_DEMO: bool(false),
  /** With SEED_DEMO: also seed the demo course schedules and their lessons. */
  SEED_DEMO_TIMETABLE: bool(true),
  /** With SEED_DEMO: also generate demo library videos (processed by the pipeline). */
  SEED_DEMO_LIBRARY: bool(true),
  SEED_DEMO_RESEARCH: bool(true),
  /** With SEED_DEMO: also replay the demo term's past lessons so the insight dashboards have a history. */
  SEED_DEMO_INSIGHT: bool(true),
  ACCESS_TOKEN_TTL_MIN: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(720),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  LESSON_OPEN_LEAD_MIN: z.coerce.number().int().min(0).max(120).default(10),
  LESSON_MISSED_GRACE_MIN: z.coerce.number().int().min(0).max(240).default(10),
  LESSON_LIFECYCLE_TICK_S: z.coerce.number().int().min(1).max(3600).default(30),
});

export const mediaEnv = commonEnv.extend({
  ...storageEnv,
  RECORDING_ENABLED: bool(true),
  RECORDING_SEGMENT_S: z.coerce.number().int().min(2).max(60).default(6),
  BROADCAST_WORKER_CONSUMER_BUDGET: z.coerce.number().int().min(1).max(100_000).default(900),
  MEDIA_HOST: z.string().default('0.0.0.0'),
  MEDIA_PORT: port(3001),
  MEDIA_PUBLIC_URL: httpUrl.optional(),
  MEDIA_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore')
    .optional(),
  MEDIA_REPORT_INTERVAL_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
  MEDIASOUP_WORKER_BIN: executableFile,
  MEDIASOUP_NUM_WORKERS: z.coerce.number().int().min(1).max(256).default(cpus().length),
  MEDIASOUP_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
  MEDIASOUP_LISTEN_IP: z.ipv4({ message: 'must be an IPv4 address' }).default('0.0.0.0'),
  MEDIASOUP_ANNOUNCED_IP: z.string().optional(),
  MEDIASOUP_RTC_MIN_PORT: port(40000),
  MEDIASOUP_RTC_MAX_PORT: port(49999),
  TURN_URLS: z.string().optional(),
  API_INTERNAL_URL: httpUrl.default('http://127.0.0.1:3000'),
  LIVE_ROOM_EMPTY_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  LIVE_PEER_RECONNECT_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  TURN_SECRET: z.string().optional(),
});

export const defaultNodeId = (mediaPort: number) => `${hostname().replace(/[^A-Za-z0-9_.-]/g, '-')}-${mediaPort}`;

/**
 * The IPv4 browsers are told to send media to when the worker listens on 0.0.0.0 and no
 * MEDIASOUP_ANNOUNCED_IP is set: the host's first non-internal IPv4 (reachable from the LAN
 * and from the host itself), else 127.0.0.1. Behind NAT, set MEDIASOUP_ANNOUNCED_IP.
 */
export function defaultAnnouncedIp(interfaces = networkInterfaces()): string {
  for (const list of Object.values(interfaces)) {
    const v4 = list?.find((a) => a.family === 'IPv4' && !a.internal);
    if (v4) return v4.address;
  }
  return '127.0.0.1';
}
