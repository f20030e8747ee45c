import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ERROR_HTTP_STATUS, ErrorCode, type ErrorBody } from '@tongke/contracts';
import type { Response } from 'express';
import { AppError } from './app.error';

/** The general code of each status (the first declared wins: 401 → UNAUTHENTICATED, not TOTP_REQUIRED). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {};
for (const [code, status] of Object.entries(ERROR_HTTP_STATUS)) CODE_BY_STATUS[status] ??= code as ErrorCode;

function httpExceptionBody(ex: HttpException): ErrorBody {
  const status = ex.getStatus();
  const res = ex.getResponse();
  const raw = typeof res === 'object' && res !== null && 'message' in res ? (res as { message: unknown }).message : res;
  const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST);
  return { code, message };
}

/**
 * Every HTTP error leaves as `{ code, message }` with the status of its code. Unknown
 * errors are logged with an id and answered as INTERNAL carrying that id, nothing more.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    res.status(status).json(body);
  }

  toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      const { code, message, details } = exception;
      return { status: ERROR_HTTP_STATUS[code], body: { code, message, ...(details !== undefined && { details }) } };
    }
    if (exception instanceof HttpException) {
      return { status: exception.getStatus(), body: httpExceptionBody(exception) };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, `unhandled error ${errorId}`);
    return { status: 500, body: { code: ErrorCode.INTERNAL, message: `Internal error (id ${errorId})` } };
  }
}
