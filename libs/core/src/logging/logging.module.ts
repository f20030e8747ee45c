import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LogConfig } from '@tongke/config';
import { LoggerModule } from 'nestjs-pino';
import { type Options as HttpLogOptions, stdSerializers } from 'pino-http';
import { requestLogView, responseLogView } from './redact-request';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Reuses a well-formed incoming X-Request-Id, otherwise makes one; echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** pino-http's options: request ids; no headers logged, credentials in URL paths (iCal tokens) redacted. */
export function httpLogOptions(log: LogConfig): HttpLogOptions {
  return {
    level: log.level,
    genReqId: requestId,
    // Our serializers get the raw request/response and pick a few fields (see requestLogView).
    wrapSerializers: false,
    serializers: { req: requestLogView, res: responseLogView, err: stdSerializers.err },
    transport: log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  };
}

/** Structured JSON logs (pino) with a request id on every HTTP log line; secrets redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [LogConfig],
      useFactory: (log: LogConfig) => ({
        // Nest 11's path syntax for "every route" (nestjs-pino's default '*' is legacy).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: httpLogOptions(log),
      }),
    }),
  ],
})
export class LoggingModule {}
