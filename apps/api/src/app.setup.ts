import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PLATFORM_VERSION } from '@tongke/contracts';
import { HttpExceptionFilter } from '@tongke/core';
import { json } from 'express';

/** Lesson record events may carry a shared file (≤ 2 MiB, base64 in JSON). */
const INTERNAL_BODY_LIMIT = '3mb';

/**
 * Everything main.ts sets up around the module graph (prefix, body parsers, validation,
 * errors, OpenAPI), shared with the integration specs so they test the app as it runs.
 * Call before `init()` / `listen()`.
 */
export function configureApiApp(app: NestExpressApplication): void {
  app.setGlobalPrefix('api');
  // Express hashes every response body for a weak ETag; API answers are per user and rarely repeat.
  app.set('etag', false);
  // The internal route gets a larger JSON limit; Nest's default parser (100 kB) covers the rest.
  app.use('/api/internal', json({ limit: INTERNAL_BODY_LIMIT }));
  app.useBodyParser('json');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true, forbidNonWhitelisted: true }));
  app.useGlobalFilters(new HttpExceptionFilter());
  const openApi = new DocumentBuilder()
    .setTitle('Tongke 同课 API')
    .setVersion(PLATFORM_VERSION)
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
