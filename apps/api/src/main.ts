import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadApiConfig } from '@tongke/config';
import { boot } from '@tongke/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApiApp } from './app.setup';

void boot(
  'api',
  async () => {
    const config = loadApiConfig();
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bufferLogs: true,
      abortOnError: false,
    });
    app.useLogger(app.get(Logger));
    configureApiApp(app);
    await app.listen(config.server.port, config.server.host);
    app.get(Logger).log(`api listening on http://localhost:${config.server.port}`);
    return app;
  },
  () => ({ API_PORT: loadApiConfig().server.port }),
);
