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
  constructor(readonly jwtSecret: string) {}
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

export interface ApiConfig {
  runtime: RuntimeConfig;
  log: LogConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  mongo: MongoConfig;
  server: ApiServerConfig;
}

export interface MediaConfig {
  runtime: RuntimeConfig;
  log: LogConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  server: MediaServerConfig;
  mediasoup: MediasoupConfig;
}
