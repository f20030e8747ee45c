import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { AuthService } from '../../auth/auth.service';
import type { CollabSocket } from './collab-socket.types';

/** A refused connection: the client's `connect_error` carries `data` (an ErrorBody). */
export class CollabConnectRefusal extends Error {
  constructor(readonly data: ErrorBody) {
    super(data.message);
  }
}

/**
 * socket.io middleware of the /collab namespace: admits a connection only with a valid access
 * token (handshake `auth.token`) of a live session and an active account.
 */
@Injectable()
export class CollabAuthMiddleware {
  private readonly logger = new Logger(CollabAuthMiddleware.name);

  constructor(private readonly auth: AuthService) {}

  async use(socket: CollabSocket, next: (err?: Error) => void): Promise<void> {
    try {
      const { token } = (socket.handshake.auth ?? {}) as { token?: unknown };
      if (typeof token !== 'string' || !token) {
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'connect with auth: { token: <access token> }');
      }
      const { user, sessionId } = await this.auth.authenticate(token);
      socket.data = { user, sessionId, docs: new Map() };
      next();
    } catch (err) {
      next(new CollabConnectRefusal(this.refusal(err)));
    }
  }

  private refusal(err: unknown): ErrorBody {
    if (err instanceof AppError) return { code: err.code, message: err.message };
    const errorId = randomUUID();
    this.logger.error({ err, errorId }, `collab connection refused by an unexpected error ${errorId}`);
    return { code: ErrorCode.INTERNAL, message: `Internal error (id ${errorId})` };
  }
}
