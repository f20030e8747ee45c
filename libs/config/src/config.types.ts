import { createSecretKey, type KeyObject } from 'node:crypto';

// Typed configuration groups. Each class is an injection token (Nest resolves providers
// by class), and its fields are what the rest of the code may know about the environment.

export class LogConfig {
  constructor(
    readonly level: string,
    readonly pretty: boolean,
  ) {}
}

export class RuntimeConfig {
  constructor(readonly nodeEnv: 'development' | 'production' | 'test') {}
}

export class RedisConfig {
  constructor(readonly url: string) {}
}

export class AuthConfig {
  constructor(
    readonly jwtSecret: string,
    /** Lifetime of a user's access token (API only; media nodes never issue them). */
    readonly accessTokenTtlMin: number = 720,
    /** Lifetime of a password sign-in's refresh token (the session), from sign-in (API only). */
    readonly refreshTokenTtlDays: number = 14,
  ) {}

  private key?: KeyObject;

  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as
   * a PEM public/private key on every sign and verify (~1 ms of CPU each, the API's hottest cost).
   */
  get jwtKey(): KeyObject {
    return (this.key ??= createSecretKey(Buffer.from(this.jwtSecret)));
  }
}

/** Live lessons on a media node. */
export class LiveConfig {
  constructor(
    /** Where the media node reports lesson record events (the API's base URL). */
    readonly apiInternalUrl: string,
    /** An empty lesson room closes after this long. */
    readonly roomEmptyGraceMs: number,
    /** A participant whose socket dropped keeps its place (and its media) this long. */
    readonly peerReconnectGraceMs: number,
  ) {}
}

/** Timetabled lessons in the API: when their room opens and when an unjoined one counts as missed. */
export class LessonConfig {
  constructor(
    /** A timetabled lesson's room opens this many minutes before its planned start. */
    readonly openLeadMin: number = 10,
    /** A timetabled lesson nobody joined is marked missed this many minutes after its planned end. */
    readonly missedGraceMin: number = 10,
    /** How often the lifecycle tick runs, in seconds. */
    readonly lifecycleTickS: number = 30,
  ) {}
}

export class MongoConfig {
  constructor(
    readonly uri: string,
    readonly dbName: string,
  ) {}
}

export class ApiServerConfig {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly webDistDir: string,
    readonly seedDemo: boolean,
    /** With seedDemo: also seed the demo course schedules (and materialise their lessons). */
    readonly seedDemoTimetable: boolean = true,
    /** With seedDemo: also generate the demo library videos and process them. */
    readonly seedDemoLibrary: boolean = true,
    /** With seedDemo: also seed the demo research studio (plans, activities, evaluations). */
    readonly seedDemoResearch: boolean = true,
    /** With seedDemo: also replay the demo term's past lessons (and a second community's) so the insight dashboards have a history. */
    readonly seedDemoInsight: boolean = true,
  ) {}
}

export interface TurnServer {
  urls: string[];
  secret: string;
}

export class MediaServerConfig {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly publicUrl: string,
    readonly nodeId: string,
    readonly reportIntervalMs: number,
  ) {}
}

export class MediasoupConfig {
  constructor(
    readonly workerBin: string,
    readonly numWorkers: number,
    readonly logLevel: 'debug' | 'warn' | 'error' | 'none',
    readonly listenIp: string,
    readonly announcedIp: string | undefined,
    readonly rtcMinPort: number,
    readonly rtcMaxPort: number,
    readonly turn: TurnServer | undefined,
  ) {}
}

/**
 * Where recordings, uploads and published resources live (shared by the API and media nodes on one
 * machine; a shared volume when scaled out), and the ffmpeg/ffprobe binaries that work on them.
 */
export class StorageConfig {
  constructor(
    /** Absolute path of the storage root: recordings/, uploads/, sources/, resources/, work/, timeshift/. */
    readonly root: string,
    readonly ffmpegPath: string = 'ffmpeg',
    readonly ffprobePath: string = 'ffprobe',
  ) {}
}

/** Recording live lessons on a media node (PlainTransport → ffmpeg, no re-encoding). */
export class RecordingConfig {
  constructor(
    /** Off: no lesson on this node is recorded, whatever its schedule says. */
    readonly enabled: boolean = true,
    /** Length of one recorded segment (a crash of ffmpeg loses at most the open one). */
    readonly segmentS: number = 6,
  ) {}
}

/** Live broadcast (名校网络课堂) viewers on a media node. */
export class BroadcastConfig {
  constructor(
    /**
     * Consumers one worker serves for broadcast viewers before the next viewer router is piped to
     * another worker (default from the fan-out benchmark: ~900 consumers per worker at 85 % CPU).
     */
    readonly workerConsumerBudget: number = 900,
  ) {}
}

/** The lesson library in the API: uploads, the processing queue, playback links. */
export class LibraryConfig {
  constructor(
    /** Largest accepted upload, in bytes. */
    readonly uploadMaxBytes: number = 4 * 1024 ** 3,
    /** Processing jobs (compose, HLS, MP4, thumbnails) one API process runs at once. */
    readonly processingConcurrency: number = 1,
    /** Attempts of a processing job before its resource is marked failed. */
    readonly processingAttempts: number = 3,
    /** Length of one HLS segment (also the rebroadcast channel's granularity). */
    readonly hlsSegmentS: number = 4,
    /** Lifetime of a signed playback link. */
    readonly playbackTokenTtlS: number = 6 * 3600,
  ) {}
}

export interface ApiConfig {
  runtime: RuntimeConfig;
  log: LogConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  mongo: MongoConfig;
  server: ApiServerConfig;
  lesson: LessonConfig;
  storage: StorageConfig;
  library: LibraryConfig;
}

export interface MediaConfig {
  runtime: RuntimeConfig;
  log: LogConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  server: MediaServerConfig;
  mediasoup: MediasoupConfig;
  live: LiveConfig;
  storage: StorageConfig;
  recording: RecordingConfig;
  broadcast: BroadcastConfig;
}
