import {
  Ack,
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { GatewayMetadata } from '@nestjs/websockets';
import { COLLAB_LIMITS, COLLAB_NAMESPACE } from '@tongke/contracts';
import type { ServerOptions } from 'socket.io';
import { CollabAuthMiddleware } from './collab-auth.middleware';
import { CollabDispatcher } from './collab-dispatcher.service';
import { CollabSessions } from './collab-sessions.service';
import type { CollabNamespace, CollabSocket } from './collab-socket.types';
import { CollabEmitter } from './collab.emitter';

const COLLAB_GATEWAY_OPTIONS: GatewayMetadata & Partial<ServerOptions> = {
  namespace: COLLAB_NAMESPACE,
  // Any origin: admission is by access token, not by cookie.
  cors: { origin: true },
  // Room above messageMaxBytes (plus framing), so an oversized message gets a PAYLOAD_TOO_LARGE ack, not a dropped connection.
  maxHttpBufferSize: COLLAB_LIMITS.messageMaxBytes * 2,
};

/**
 * The /collab namespace: Yjs co-editing of lesson plans (typed in
 * libs/contracts/src/research/collab-events.ts). Each request goes, in one call, to the dispatcher.
 */
@WebSocketGateway(COLLAB_GATEWAY_OPTIONS)
export class CollabGateway implements OnGatewayInit, OnGatewayDisconnect {
  constructor(
    private readonly auth: CollabAuthMiddleware,
    private readonly emitter: CollabEmitter,
    private readonly sessions: CollabSessions,
    private readonly dispatcher: CollabDispatcher,
  ) {}

  afterInit(nsp: CollabNamespace): void {
    this.emitter.bind(nsp);
    nsp.use((socket, next) => void this.auth.use(socket, next));
  }

  handleDisconnect(socket: CollabSocket): Promise<void> {
    return this.sessions.disconnect(socket);
  }

  @SubscribeMessage('doc:join')
  join(@ConnectedSocket() s: CollabSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('doc:join', s, p, ack);
  }

  @SubscribeMessage('doc:sync')
  sync(@ConnectedSocket() s: CollabSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('doc:sync', s, p, ack);
  }

  @SubscribeMessage('doc:awareness')
  awareness(@ConnectedSocket() s: CollabSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('doc:awareness', s, p, ack);
  }

  @SubscribeMessage('doc:leave')
  leave(@ConnectedSocket() s: CollabSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('doc:leave', s, p, ack);
  }
}
