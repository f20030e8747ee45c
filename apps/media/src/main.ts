import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadMediaConfig } from '@tongke/config';
import { boot, HttpExceptionFilter } from '@tongke/core';
import { Logger } from 'nestjs-pino';
import { MediaModule } from './media.module';

void boot(
  'media',
  async () => {
    const config = loadMediaConfig();
    const app = await NestFactory.create(MediaModule.forRoot(config), { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    app.useGlobalFilters(new HttpExceptionFilter());
    app.enableCors({ origin: true });
    await app.listen(config.server.port, config.server.host);
    app.get(Logger).log(`media node ${config.server.nodeId} listening on ${config.server.publicUrl}`);
    return app;
  },
  () => ({ MEDIA_PORT: loadMediaConfig().server.port }),
);
