import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ApiConfig, loadApiConfig } from '@tongke/config';
import { type LoginResponse, type MediaNodeStatus, SERVICE_TOKEN_AUDIENCE } from '@tongke/contracts';
import { MediaNodeDirectory } from '@tongke/core';
import request from 'supertest';
import { testConfigEnv, testRedisUrl } from './test-env';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApiApp } from '../../apps/api/src/app.setup';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-district.data';

export interface ApiTestApp {
  app: INestApplication;
  config: ApiConfig;
  http: ReturnType<typeof request>;
  /** The app's base URL (`http://127.0.0.1:<port>`) when started with `listen`. */
  url?: string;
  /** Signs in a demo account; answers its access token. */
  login(username: string): Promise<string>;
  /** A media node → API service token for `nodeId`. */
  serviceToken(nodeId: string): string;
  /** Writes a media node's status to the (real) Redis directory, as a node does. */
  publishNode(id: string, consumers: number, routers?: number): Promise<MediaNodeStatus>;
  removeNode(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface ApiTestAppOptions {
  /** Also seed the demo course schedules and their lessons (off: specs see only the lessons they make). */
  demoTimetable?: boolean;
  /** STORAGE_ROOT (default: a new temporary directory per app). */
  storageRoot?: string;
  /** More environment variables for libs/config. */
  env?: Record<string, string>;
  /** Reuse this Mongo database (e.g. a "restarted" API on the same data); default: a new one. */
  dbName?: string;
  /** Listen on this port (0: any free one) so socket.io clients can connect; default: not listening. */
  listen?: number;
}

/**
 * The real API (AppModule + main.ts's setup) on the integration FerretDB and Redis, with its
 * own database (demo district seeded) and its own Redis database index, so specs running in
 * parallel neither share documents nor see each other's media nodes.
 */
export async function startApiTestApp(redisDb: number, options: ApiTestAppOptions = {}): Promise<ApiTestApp> {
  const config = testApiConfig(redisDb, options);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: ['error'] });
  configureApiApp(app);
  await app.init();
  const url = await listenIfAsked(app, options.listen);
  const http = request(app.getHttpServer());
  const directory = app.get(MediaNodeDirectory);
  return {
    app,
    config,
    http,
    ...(url && { url }),
    async login(username) {
      const res = await http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      return (res.body as LoginResponse).accessToken;
    },
    serviceToken: (nodeId) => app.get(JwtService).sign({}, { subject: nodeId, audience: SERVICE_TOKEN_AUDIENCE }),
    async publishNode(id, consumers, routers = 0) {
      const status = nodeStatus(id, consumers, routers);
      await directory.publish(status);
      return status;
    },
    removeNode: (id) => directory.remove(id),
    close: () => app.close(),
  };
}

/** The API config of a test app: its own (or the given) database, its Redis db, demo district only. */
function testApiConfig(redisDb: number, options: ApiTestAppOptions): ApiConfig {
  const redisUrl = new URL(testRedisUrl());
  redisUrl.pathname = `/${redisDb}`;
  return loadApiConfig(
    testConfigEnv({
      MONGODB_DB: options.dbName ?? newDbName(),
      REDIS_URL: redisUrl.toString(),
      SEED_DEMO: 'true',
      SEED_DEMO_TIMETABLE: options.demoTimetable ? 'true' : 'false',
      SEED_DEMO_LIBRARY: 'false',
      SEED_DEMO_RESEARCH: 'false',
      SEED_DEMO_INSIGHT: 'false',
      STORAGE_ROOT: options.storageRoot ?? mkdtempSync(path.join(tmpdir(), 'tongke-storage-')),
      ...options.env,
    }),
  );
}

/** Listens on `port` (0: any free one) if given; answers the base URL. */
async function listenIfAsked(app: INestApplication, port: number | undefined): Promise<string | undefined> {
  if (port === undefined) return undefined;
  await app.listen(port, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** A fresh database name (letters only). */
function newDbName(): string {
  return `apitest${randomBytes(6)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
}

/** A media node's report with two workers, the first carrying the given load. */
function nodeStatus(id: string, consumers: number, routers: number): MediaNodeStatus {
  const now = new Date().toISOString();
  const worker = { cpuPercent: 1, transports: 0, producers: 0, restarts: 0 };
  return {
    id,
    publicUrl: `http://${id}.test:3001`,
    version: 'test',
    startedAt: now,
    reportedAt: now,
    workers: [
      { ...worker, index: 0, pid: 1, routers, consumers },
      { ...worker, index: 1, pid: 2, routers: 0, consumers: 0 },
    ],
  };
}
