import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  ErrorCode,
  fail,
  LIVE_REQUEST_NAMES,
  liveRequestSchemas,
  ok,
  type Ack,
  type LiveRequestName,
} from '@tongke/contracts';
import { AppError, zodMessage } from '@tongke/core';
import { types } from 'mediasoup';
import type { z } from 'zod';
import { LiveConnectionService } from '../connection/live-connection.service';
import type { LiveSocket } from '../live-socket.types';
import { LessonRecordClient } from '../record/lesson-record.client';
import { LiveRoomsService } from '../rooms/live-rooms.service';
import { BroadcastHandlers } from './handlers/broadcast.handlers';
import { ConsumerHandlers } from './handlers/consumer.handlers';
import { ControlHandlers } from './handlers/control.handlers';
import { HandStageHandlers } from './handlers/hand-stage.handlers';
import { ProducerHandlers } from './handlers/producer.handlers';
import { QuizHandlers } from './handlers/quiz.handlers';
import { SessionHandlers } from './handlers/session.handlers';
import { SharingHandlers } from './handlers/sharing.handlers';
import { AfterStored, Reply, type HandlerContext, type HandlerGroup, type Outcome } from './handler.types';

/** Requests allowed before `room:join`; everything else needs a joined participant. */
const BEFORE_JOIN = new Set<LiveRequestName>([
  'router:capabilities',
  'transport:create',
  'transport:connect',
  'transport:restartIce',
  'room:join',
]);

type AnyHandler = (ctx: HandlerContext, payload: unknown) => Outcome<unknown> | Promise<Outcome<unknown>>;

/**
 * Answers every `/live` request: validates the payload with the contract's schema, finds the
 * participant and its room, runs the event's handler under the room's lock (storing a lesson
 * record event first where the handler asks for it), and acks `ok(data)` or `fail(code, message)`.
 */
@Injectable()
export class LiveDispatcher {
  private readonly logger = new Logger(LiveDispatcher.name);
  private readonly handlers = new Map<LiveRequestName, AnyHandler>();

  constructor(
    private readonly rooms: LiveRoomsService,
    private readonly connections: LiveConnectionService,
    private readonly records: LessonRecordClient,
    session: SessionHandlers,
    producers: ProducerHandlers,
    consumers: ConsumerHandlers,
    controls: ControlHandlers,
    hands: HandStageHandlers,
    sharing: SharingHandlers,
    quizzes: QuizHandlers,
    broadcast: BroadcastHandlers,
  ) {
    this.register([session, producers, consumers, controls, hands, sharing, quizzes, broadcast]);
  }

  /** Registers each group's handlers once; every request must have exactly one. */
  private register(groups: HandlerGroup[]): void {
    for (const group of groups) {
      for (const [event, handler] of Object.entries(group.handlers) as [LiveRequestName, AnyHandler][]) {
        if (this.handlers.has(event)) throw new Error(`two handlers for ${event}`);
        this.handlers.set(event, handler);
      }
    }
    const missing = LIVE_REQUEST_NAMES.filter((e) => !this.handlers.has(e));
    if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  }

  /** Handles one request and acks it; follow-up work runs after the ack. */
  async dispatch(event: LiveRequestName, socket: LiveSocket, payload: unknown, ack: unknown): Promise<void> {
    const { reply, after } = await this.handle(event, socket, payload);
    if (typeof ack === 'function') (ack as (res: Ack<unknown>) => void)(reply);
    after?.();
  }

  private async handle(
    event: LiveRequestName,
    socket: LiveSocket,
    payload: unknown,
  ): Promise<{ reply: Ack<unknown>; after?: () => void }> {
    try {
      const parsed = (liveRequestSchemas[event] as z.ZodType).safeParse(payload);
      if (!parsed.success) return { reply: fail(ErrorCode.BAD_REQUEST, zodMessage(parsed.error)) };
      await this.connections.whenAdmitted(socket);
      const { room, peer } = this.rooms.contextOf(socket);
      const ctx: HandlerContext = { room, peer, socket };
      const handler = this.handlers.get(event) as AnyHandler;
      let outcome = await room.exclusive(() =>
        this.run(ctx, () => {
          if (!peer.joined && !BEFORE_JOIN.has(event))
            throw new AppError(ErrorCode.INVALID_STATE, 'join the room first');
          return handler(ctx, parsed.data);
        }),
      );
      while (outcome instanceof AfterStored) {
        const pending = outcome;
        const stored = await this.records.store(room.sessionId, pending.event);
        outcome = await room.exclusive(() => this.run(ctx, () => pending.commit(stored)));
      }
      if (!(outcome instanceof Reply)) return { reply: ok(outcome) };
      const { data, after: work } = outcome;
      return { reply: ok(data), after: () => room.background(`${event} follow-up`, work) };
    } catch (err) {
      return { reply: this.failure(event, err) };
    }
  }

  /** Runs a step if the participant is still this socket's and the room still open. */
  private run<T>(ctx: HandlerContext, step: () => T): T {
    const { room, peer, socket } = ctx;
    if (room.closed) throw new AppError(ErrorCode.LESSON_ENDED, 'this lesson has ended');
    if (room.peers.get(peer.id) !== peer || peer.socket !== socket) {
      throw new AppError(ErrorCode.INVALID_STATE, 'this connection is no longer part of the lesson');
    }
    return step();
  }

  private failure(event: LiveRequestName, err: unknown): Ack<never> {
    if (err instanceof AppError) return fail(err.code, err.message);
    if (err instanceof types.InvalidStateError) return fail(ErrorCode.INVALID_STATE, err.message);
    const errorId = randomUUID();
    this.logger.error({ err, errorId }, `${event} failed: unexpected error ${errorId}`);
    return fail(ErrorCode.INTERNAL, `Internal error (id ${errorId})`);
  }
}
