import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { LiveSocket } from '../live-socket.types';
import { peerIdOf } from '../rooms/peer';
import { LiveRoomsService } from '../rooms/live-rooms.service';
import { JoinTokenVerifier } from './join-token.verifier';

/** A refused connection: the client's `connect_error` carries `data` (an ErrorBody). */
export class ConnectRefusal extends Error {
  constructor(readonly data: ErrorBody) {
    super(data.message);
  }
}

/**
 * socket.io middleware of the `/live` namespace: admits a connection only with a valid join token
 * (handshake `auth.token`) for a lesson that has not ended here, and records who it is.
 */
@Injectable()
export class LiveAuthMiddleware {
  private readonly logger = new Logger(LiveAuthMiddleware.name);

  constructor(
    private readonly verifier: JoinTokenVerifier,
    private readonly rooms: LiveRoomsService,
  ) {}

  use(socket: LiveSocket, next: (err?: Error) => void): void {
    try {
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; sessionId?: unknown };
      const claims = this.verifier.verify(auth.token);
      if (typeof auth.sessionId === 'string' && auth.sessionId !== claims.sid) {
        throw new AppError(ErrorCode.TOKEN_INVALID, 'the join token is for another lesson');
      }
      this.rooms.assertAdmits(claims);
      socket.data = { claims, peerId: peerIdOf(claims) };
      next();
    } catch (err) {
      next(new ConnectRefusal(this.refusal(err)));
    }
  }

  private refusal(err: unknown): ErrorBody {
    if (err instanceof AppError) return { code: err.code, message: err.message };
    const errorId = randomUUID();
    this.logger.error({ err, errorId }, `connection refused by an unexpected error ${errorId}`);
    return { code: ErrorCode.INTERNAL, message: `Internal error (id ${errorId})` };
  }
}
