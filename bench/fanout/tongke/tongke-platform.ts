import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadApiConfig, loadMediaConfig } from '@tongke/config';
import { HttpExceptionFilter } from '@tongke/core';
import * as paths from '../../../scripts/lib/paths.cjs';
import { freePort, startFerretDB, startRedis, stopChild } from '../../../scripts/lib/services.cjs';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureApiApp } from '../../../apps/api/src/app.setup';
import { MediaModule } from '../../../apps/media/src/media.module';

type Child = Awaited<ReturnType<typeof startFerretDB>>['child'];

/**
 * The platform as `npm start` runs it, on free ports with its own data dir: embedded
 * FerretDB and Redis as child processes, the API (demo district seeded) and one media node
 * with one mediasoup worker, both in this process so the bench can reach the media node's
 * services and its worker. Each app gets the same setup as its main.ts.
 */
export class TongkePlatform {
  private dir = '';
  private readonly children: Child[] = [];
  private api?: INestApplication;
  private media?: INestApplication;
  apiUrl = '';

  async start(): Promise<INestApplication> {
    this.dir = mkdtempSync(path.join(tmpdir(), 'tongke-fanout-platform-'));
    // If the bench dies without stop(), the services must not outlive it.
    process.once('exit', this.killChildren);
    const db = await startFerretDB({ dataDir: path.join(this.dir, 'db') });
    this.children.push(db.child);
    const redis = await startRedis({ dir: path.join(this.dir, 'redis') });
    this.children.push(redis.child);
    const [apiPort, mediaPort] = [await freePort(), await freePort()];
    const common = { LOG_LEVEL: 'warn', REDIS_URL: redis.url, JWT_SECRET: randomBytes(48).toString('base64url') };
    this.apiUrl = `http://127.0.0.1:${apiPort}`;
    this.api = await this.startApi(apiPort, { ...common, MONGODB_URI: db.uri });
    this.media = await this.startMedia(mediaPort, common);
    return this.media;
  }

  private async startApi(port: number, env: Record<string, string>): Promise<INestApplication> {
    const config = loadApiConfig({
      ...env,
      MONGODB_DB: 'tongkefanout',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      SEED_DEMO: 'true',
      WEB_DIST_DIR: path.join(paths.ROOT, 'dist', 'apps', 'web'),
    });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    configureApiApp(app);
    await app.listen(port, '127.0.0.1');
    return app;
  }

  private async startMedia(port: number, env: Record<string, string>): Promise<INestApplication> {
    const config = loadMediaConfig({
      ...env,
      MEDIA_HOST: '127.0.0.1',
      MEDIA_PORT: String(port),
      MEDIA_PUBLIC_URL: `http://127.0.0.1:${port}`,
      MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN ?? paths.workerBin,
      MEDIASOUP_NUM_WORKERS: '1',
      MEDIASOUP_LISTEN_IP: '127.0.0.1',
      API_INTERNAL_URL: this.apiUrl,
      LIVE_ROOM_EMPTY_GRACE_MS: '0',
    });
    const app = await NestFactory.create(MediaModule.forRoot(config), { logger: ['error', 'warn'] });
    app.useGlobalFilters(new HttpExceptionFilter());
    app.enableCors({ origin: true });
    await app.listen(port, '127.0.0.1');
    return app;
  }

  private readonly killChildren = () => {
    for (const c of this.children) c.kill('SIGKILL');
  };

  async stop(): Promise<void> {
    try {
      await this.media?.close();
      await this.api?.close();
    } finally {
      await Promise.all(this.children.map((c) => stopChild(c)));
      process.off('exit', this.killChildren);
      if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
