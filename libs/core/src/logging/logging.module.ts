import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LogConfig } from '@tongke/config';
import { LoggerModule } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Reuses a well-formed incoming X-Request-Id, otherwise makes one; echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs (pino) with a request id on every HTTP log line. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [LogConfig],
      useFactory: (log: LogConfig) => ({
        // Nest 11's path syntax for "every route" (nestjs-pino's default '*' is legacy).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: log.level,
          genReqId: requestId,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          transport: log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
