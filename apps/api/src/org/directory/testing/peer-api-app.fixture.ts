import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ApiConfig, loadApiConfig } from '@tongke/config';
import { testConfigEnv } from '../../../../../../test/support/test-env';
import { AppModule } from '../../../app.module';
import { configureApiApp } from '../../../app.setup';

/**
 * Another API process on the same database as `config` (as a second instance behind a load
 * balancer), on the Redis database `redisDb` of the same Redis server (pub/sub spans them all).
 * Accepts the same tokens; seeds nothing.
 */
export async function startPeerApiApp(config: ApiConfig, redisDb: number): Promise<INestApplication> {
  const redisUrl = new URL(config.redis.url);
  redisUrl.pathname = `/${redisDb}`;
  const peer = loadApiConfig(
    testConfigEnv({
      MONGODB_DB: config.mongo.dbName,
      REDIS_URL: redisUrl.toString(),
      JWT_SECRET: config.auth.jwtSecret,
      SEED_DEMO: 'false',
    }),
  );
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(peer), { logger: ['error'] });
  configureApiApp(app);
  await app.init();
  return app;
}
