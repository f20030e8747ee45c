import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadApiConfig } from '@tongke/config';
import { PLATFORM_VERSION } from '@tongke/contracts';
import { boot, HttpExceptionFilter } from '@tongke/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

void boot(
  'api',
  async () => {
    const config = loadApiConfig();
    const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    app.setGlobalPrefix('api');
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true, forbidNonWhitelisted: true }));
    app.useGlobalFilters(new HttpExceptionFilter());
    const openApi = new DocumentBuilder()
      .setTitle('Tongke 同课 API')
      .setVersion(PLATFORM_VERSION)
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
    await app.listen(config.server.port, config.server.host);
    app.get(Logger).log(`api listening on http://localhost:${config.server.port}`);
    return app;
  },
  () => ({ API_PORT: loadApiConfig().server.port }),
);
