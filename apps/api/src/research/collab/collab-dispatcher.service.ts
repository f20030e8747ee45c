import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, fail, ok, type Ack, type CollabRequestName } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { parseCollabRequest, type CollabRequest } from './collab-message.schemas';
import { CollabSessions, type Answer } from './collab-sessions.service';
import type { CollabSocket } from './collab-socket.types';

type Handler<E extends CollabRequestName> = (socket: CollabSocket, payload: CollabRequest<E>) => Promise<Answer>;

/**
 * Answers every /collab request: validates the payload at the edge (shape, then size), runs the
 * event's handler and acks `ok(data)` or `fail(code, message)`; unexpected errors are logged
 * with an id the client is told. Follow-up sends run after the ack.
 */
@Injectable()
export class CollabDispatcher {
  private readonly logger = new Logger(CollabDispatcher.name);
  private readonly handlers: { [E in CollabRequestName]: Handler<E> };

  constructor(sessions: CollabSessions) {
    this.handlers = {
      'doc:join': (s, p) => sessions.join(s, p.docId),
      'doc:sync': (s, p) => sessions.sync(s, p.docId, p.message),
      'doc:awareness': (s, p) => sessions.awareness(s, p.docId, p.update),
      'doc:leave': (s, p) => sessions.leave(s, p.docId),
    };
  }

  async dispatch<E extends CollabRequestName>(
    event: E,
    socket: CollabSocket,
    payload: unknown,
    ack: unknown,
  ): Promise<void> {
    let reply: Ack<unknown>;
    let after: (() => void) | undefined;
    try {
      const answer = await (this.handlers[event] as Handler<E>)(socket, parseCollabRequest(event, payload));
      reply = ok(answer.data);
      after = answer.after;
    } catch (err) {
      reply = this.failure(event, err);
    }
    if (typeof ack === 'function') (ack as (res: Ack<unknown>) => void)(reply);
    after?.();
  }

  private failure(event: CollabRequestName, err: unknown): Ack<never> {
    if (err instanceof AppError) return fail(err.code, err.message);
    const errorId = randomUUID();
    this.logger.error({ err, errorId }, `${event} failed: unexpected error ${errorId}`);
    return fail(ErrorCode.INTERNAL, `Internal error (id ${errorId})`);
  }
}
