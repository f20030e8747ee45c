import {
  Ack,
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { GatewayMetadata } from '@nestjs/websockets';
import type { ServerOptions } from 'socket.io';
import { LiveAuthMiddleware } from './auth/live-auth.middleware';
import { LiveSessionAdapter } from './auth/live-session.adapter';
import { LiveConnectionService } from './connection/live-connection.service';
import { LiveEmitter } from './emit/live.emitter';
import type { LiveNamespace, LiveSocket } from './live-socket.types';
import { LiveDispatcher } from './signaling/live-dispatcher.service';

/** How long socket.io keeps a dropped connection's state (rooms, missed events) for it to recover. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

const LIVE_GATEWAY_OPTIONS: GatewayMetadata & Partial<ServerOptions> = {
  namespace: '/live',
  // Any origin: admission is by join token, not by cookie.
  cors: { origin: true },
  // file:share carries up to 2 MiB base64-encoded.
  maxHttpBufferSize: 3 * 1024 * 1024,
  connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true },
  // Notice a dead link within ~10 s (rural networks drop silently), then recover or rejoin.
  pingInterval: 5000,
  pingTimeout: 5000,
  adapter: LiveSessionAdapter,
};

/**
 * The `/live` namespace: signaling and classroom events of live lessons (typed in
 * libs/contracts/src/live). Each request goes, in one call, to the dispatcher.
 */
@WebSocketGateway(LIVE_GATEWAY_OPTIONS)
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly auth: LiveAuthMiddleware,
    private readonly emitter: LiveEmitter,
    private readonly connections: LiveConnectionService,
    private readonly dispatcher: LiveDispatcher,
  ) {}

  afterInit(nsp: LiveNamespace): void {
    this.emitter.bind(nsp);
    nsp.use((socket, next) => this.auth.use(socket, next));
  }

  handleConnection(socket: LiveSocket): Promise<void> {
    return this.connections.onConnect(socket);
  }

  @SubscribeMessage('router:capabilities')
  routerCapabilities(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('router:capabilities', s, p, ack);
  }

  @SubscribeMessage('transport:create')
  transportCreate(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('transport:create', s, p, ack);
  }

  @SubscribeMessage('transport:connect')
  transportConnect(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('transport:connect', s, p, ack);
  }

  @SubscribeMessage('transport:restartIce')
  transportRestartIce(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('transport:restartIce', s, p, ack);
  }

  @SubscribeMessage('room:join')
  roomJoin(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('room:join', s, p, ack);
  }

  @SubscribeMessage('producer:create')
  producerCreate(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('producer:create', s, p, ack);
  }

  @SubscribeMessage('producer:pause')
  producerPause(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('producer:pause', s, p, ack);
  }

  @SubscribeMessage('producer:resume')
  producerResume(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('producer:resume', s, p, ack);
  }

  @SubscribeMessage('producer:close')
  producerClose(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('producer:close', s, p, ack);
  }

  @SubscribeMessage('consumer:pause')
  consumerPause(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('consumer:pause', s, p, ack);
  }

  @SubscribeMessage('consumer:resume')
  consumerResume(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('consumer:resume', s, p, ack);
  }

  @SubscribeMessage('consumer:setPreferredLayers')
  consumerSetPreferredLayers(
    @ConnectedSocket() s: LiveSocket,
    @MessageBody() p: unknown,
    @Ack() ack: unknown,
  ): Promise<void> {
    return this.dispatcher.dispatch('consumer:setPreferredLayers', s, p, ack);
  }

  @SubscribeMessage('peer:setLinkMode')
  peerSetLinkMode(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('peer:setLinkMode', s, p, ack);
  }

  @SubscribeMessage('peer:mute')
  peerMute(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('peer:mute', s, p, ack);
  }

  @SubscribeMessage('permissions:set')
  permissionsSet(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('permissions:set', s, p, ack);
  }

  @SubscribeMessage('lesson:setInteraction')
  lessonSetInteraction(
    @ConnectedSocket() s: LiveSocket,
    @MessageBody() p: unknown,
    @Ack() ack: unknown,
  ): Promise<void> {
    return this.dispatcher.dispatch('lesson:setInteraction', s, p, ack);
  }

  @SubscribeMessage('lesson:end')
  lessonEnd(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('lesson:end', s, p, ack);
  }

  @SubscribeMessage('hand:raise')
  handRaise(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('hand:raise', s, p, ack);
  }

  @SubscribeMessage('hand:lower')
  handLower(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('hand:lower', s, p, ack);
  }

  @SubscribeMessage('stage:set')
  stageSet(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('stage:set', s, p, ack);
  }

  @SubscribeMessage('chat:send')
  chatSend(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('chat:send', s, p, ack);
  }

  @SubscribeMessage('quiz:start')
  quizStart(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('quiz:start', s, p, ack);
  }

  @SubscribeMessage('quiz:answer')
  quizAnswer(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('quiz:answer', s, p, ack);
  }

  @SubscribeMessage('quiz:end')
  quizEnd(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('quiz:end', s, p, ack);
  }

  @SubscribeMessage('whiteboard:stroke')
  whiteboardStroke(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('whiteboard:stroke', s, p, ack);
  }

  @SubscribeMessage('whiteboard:clear')
  whiteboardClear(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('whiteboard:clear', s, p, ack);
  }

  @SubscribeMessage('file:share')
  fileShare(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('file:share', s, p, ack);
  }

  @SubscribeMessage('note:add')
  noteAdd(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('note:add', s, p, ack);
  }

  @SubscribeMessage('broadcast:set')
  broadcastSet(@ConnectedSocket() s: LiveSocket, @MessageBody() p: unknown, @Ack() ack: unknown): Promise<void> {
    return this.dispatcher.dispatch('broadcast:set', s, p, ack);
  }
}
