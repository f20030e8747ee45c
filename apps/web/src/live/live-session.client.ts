import type { Ack, ConsumerOffer, ErrorBody, JoinLessonResponse, LessonEndReason, LinkMode } from '@tongke/contracts';
import { ErrorCode, fail, LessonRole, ok } from './contract-values';
import { IceRestartScheduler } from './ice-restart.scheduler';
import { JoinTokenProvider } from './join-token.provider';
import { LiveActions } from './live-actions';
import { LiveEventBinder } from './live-events.binder';
import { LivePublisher } from './live-publisher';
import { LiveRequestError } from './live-request.error';
import { LiveSocket } from './live-socket';
import type { LiveState } from './live-state';
import * as r from './live-state.reducer';
import { consumerStat, type ConsumerStat } from './live-stats';
import { LocalMedia } from './local-media';
import { cameraConstraints, rolePublishes, spatialLayerFor, type CameraQuality, type TileSize } from './media-profile';
import { MediaSession } from './media-session';

export interface LiveSessionClientOptions {
  sessionId: string;
  asObserver: boolean;
  /** Reactive at runtime; the client mutates it through the reducer. */
  state: LiveState;
  /** POST /api/live-sessions/:id/join. */
  fetchJoin: (sessionId: string, as?: 'observer') => Promise<JoinLessonResponse>;
  /** A request the participant made was refused, or a background step failed. */
  onError: (err: LiveRequestError) => void;
  cameraQuality?: CameraQuality;
}

/** Handshake refusals after which retrying with a fresh token cannot help. */
const FATAL_HANDSHAKE = new Set<string>([
  ErrorCode.TOKEN_INVALID,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
]);
const MAX_TOKEN_RETRIES = 3;
/** A classroom publishes once it shows the teacher, or after this long at most. */
const CLASSROOM_PUBLISH_WAIT_MS = 1000;

/**
 * A participant's whole live lesson: join token, `/live` socket, mediasoup Device and
 * transports, consumers for what the server offers, the role's own tracks, and recovery
 * after network drops (ICE restart when the socket survived, a fresh join when it didn't).
 */
export class LiveSessionClient {
  readonly state: LiveState;
  readonly actions: LiveActions;
  joinStartedAt: number | undefined;
  firstFrameAt: number | undefined;
  private readonly tokens: JoinTokenProvider;
  private readonly local = new LocalMedia();
  private readonly publisher: LivePublisher;
  private readonly ice: IceRestartScheduler;
  private socket: LiveSocket | null = null;
  private session: MediaSession | null = null;
  private generation = 0;
  private stopped = false;
  private tokenRetries = 0;
  private readonly preferredLayers = new Map<string, number>();
  private firstFrameShown: () => void = () => undefined;
  private readonly firstFrame = new Promise<void>((resolve) => (this.firstFrameShown = resolve));

  constructor(private readonly options: LiveSessionClientOptions) {
    this.state = options.state;
    const as = options.asObserver ? 'observer' : undefined;
    this.tokens = new JoinTokenProvider({ fetchJoin: () => options.fetchJoin(options.sessionId, as) });
    this.actions = new LiveActions(this.state, () => this.socket);
    this.publisher = new LivePublisher({
      state: this.state,
      local: this.local,
      socket: () => this.socket,
      media: () => this.session,
      role: () => this.state.role,
      cameraQuality: options.cameraQuality,
    });
    this.ice = new IceRestartScheduler({
      restart: (id) => this.restartTransport(id),
      stateOf: (id) => this.session?.transportState(id),
      canRestart: () => !!this.socket?.connected,
    });
  }

  async start(): Promise<void> {
    this.joinStartedAt = performance.now();
    try {
      const join = await this.tokens.join();
      if (this.stopped) return;
      this.state.role = join.role;
      this.state.title = join.session.title;
      this.state.kind = join.session.kind;
      r.setBroadcastOn(this.state, join.session.broadcast);
      this.captureEarly(join.role);
      this.openSocket(join.mediaUrl);
    } catch (err) {
      this.fail(LiveRequestError.from(err));
    }
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.ice.cancelAll();
    this.socket?.close();
    this.socket = null;
    this.session?.close();
    this.session = null;
    this.local.stopAll();
  }

  /** The remote track of a consumer, for a media element. */
  track(consumerId: string): MediaStreamTrack | null {
    return this.session?.consumer(consumerId)?.track ?? null;
  }

  /** This participant's own camera or screen, for a preview. */
  localTrack(source: 'camera' | 'screen'): MediaStreamTrack | null {
    return this.local.track(source);
  }

  markFirstFrame(): void {
    this.firstFrameAt ??= performance.now();
    this.firstFrameShown();
  }

  async stats(): Promise<ConsumerStat[]> {
    const session = this.session;
    if (!session) return [];
    const rows = await Promise.all(
      this.state.consumers.map(async (view) => {
        const consumer = session.consumer(view.id);
        if (!consumer) return null;
        const report = await consumer.getStats();
        return consumerStat(view, report.values() as Iterable<Record<string, unknown>>);
      }),
    );
    return rows.filter((row): row is ConsumerStat => row !== null);
  }

  toggleMic(): Promise<void> {
    return this.publisher.toggleMic();
  }

  toggleCamera(): Promise<void> {
    return this.publisher.toggleCamera();
  }

  toggleScreen(): Promise<void> {
    return this.publisher.toggleScreen();
  }

  async setLinkMode(mode: LinkMode): Promise<void> {
    this.publisher.rememberPaused();
    const { self } = await this.request().request('peer:setLinkMode', { mode });
    r.upsertPeer(this.state, self);
    this.state.linkMode = mode;
    await this.publisher.reconcile();
  }

  /** A simulcast consumer drawn at this size asks for the matching spatial layer (once per change). */
  setTileSize(consumerId: string, size: TileSize): void {
    const view = this.state.consumers.find((c) => c.id === consumerId);
    const socket = this.socket;
    if (!view || view.type !== 'simulcast' || !socket) return;
    const spatialLayer = spatialLayerFor(size);
    if (this.preferredLayers.get(consumerId) === spatialLayer) return;
    this.preferredLayers.set(consumerId, spatialLayer);
    socket.request('consumer:setPreferredLayers', { consumerId, spatialLayer }).catch((err: unknown) => {
      this.preferredLayers.delete(consumerId);
      console.warn('setPreferredLayers', err);
    });
  }

  /** Test hook: lose the signaling connection as a network drop would, for `ms`. */
  async simulateNetworkDrop(ms: number): Promise<void> {
    await this.socket?.dropFor(ms);
  }

  private request(): LiveSocket {
    if (!this.socket) throw new LiveRequestError(ErrorCode.INVALID_STATE, 'not connected');
    return this.socket;
  }

  /**
   * The lead's (and a meeting member's) camera and microphone start while signaling runs, so the classrooms waiting for
   * it get it sooner. A classroom captures when it publishes (see publishWhenReady).
   */
  private captureEarly(role: LessonRole): void {
    if (role !== LessonRole.LEAD && role !== LessonRole.MEMBER) return;
    this.local.prepare(cameraConstraints(role, this.options.cameraQuality), true).catch((err: unknown) => {
      console.warn('capture', err);
    });
  }

  private openSocket(mediaUrl: string): void {
    const socket = new LiveSocket(mediaUrl, this.tokens, this.options.sessionId);
    this.socket = socket;
    new LiveEventBinder({
      state: this.state,
      media: () => this.session,
      onConsumerNew: (offer, ack) => this.onConsumerNew(offer, ack),
      onLessonEnded: (reason) => this.end(reason),
      onReplaced: () => this.fail(new LiveRequestError('REPLACED', 'this lesson was opened elsewhere')),
      onBroadcastClosed: () => this.fail(new LiveRequestError('BROADCAST_CLOSED', 'the teacher closed the broadcast')),
    }).bind(socket.raw);
    socket.raw.on('connect', () => void this.onConnect());
    socket.raw.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.raw.on('connect_error', (err) => this.onConnectError((err as { data?: ErrorBody }).data));
    socket.connect();
  }

  private async onConnect(): Promise<void> {
    if (this.stopped) return;
    this.tokenRetries = 0;
    if (!this.session || !this.socket?.recovered) return this.joinRoom();
    if (!(await this.resumeRecovered())) this.reconnectFresh();
  }

  /**
   * Starts over as a new connection (the server drops our old participant state with it);
   * for when the server no longer holds what this client has.
   */
  private reconnectFresh(): void {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    this.teardownMedia();
    socket.raw.disconnect();
    socket.raw.connect();
  }

  /**
   * The socket resumed its old session: the server still holds our transports. Restart ICE
   * on each (this also proves the server still knows them); false means start over.
   */
  private async resumeRecovered(): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    try {
      await Promise.all(session.transports().map((t) => session.restartIce(t.id)));
    } catch (err) {
      console.warn('recovered session is gone, joining again', err);
      return false;
    }
    r.setStatus(this.state, 'live');
    return true;
  }

  private async joinRoom(): Promise<void> {
    const gen = ++this.generation;
    const socket = this.request();
    const rejoin = this.state.selfId !== null;
    this.teardownMedia();
    r.setStatus(this.state, rejoin ? 'reconnecting' : 'connecting');
    const session = new MediaSession(socket, (id, s) => this.ice.onStateChange(id, s));
    this.session = session;
    try {
      const rtpCapabilities = await session.prepare(rolePublishes(this.state.role!));
      if (gen !== this.generation) return;
      const joined = await socket.request('room:join', { rtpCapabilities, linkMode: this.state.linkMode });
      if (gen !== this.generation) return;
      r.applyRoomJoined(this.state, joined);
      r.setStatus(this.state, 'live');
      await this.publishWhenReady(gen);
    } catch (err) {
      if (gen !== this.generation || this.stopped) return;
      this.onJoinFailed(LiveRequestError.from(err));
    }
  }

  /**
   * A classroom terminal shows the teacher first and publishes right after: on a two-core
   * rural PC, starting the camera and encoder competes with decoding the first frame.
   */
  private async publishWhenReady(gen: number): Promise<void> {
    if (this.state.role === LessonRole.CLASSROOM) {
      await Promise.race([this.firstFrame, new Promise((done) => setTimeout(done, CLASSROOM_PUBLISH_WAIT_MS))]);
      if (gen !== this.generation) return;
    }
    await this.publisher.reconcile();
  }

  private onJoinFailed(err: LiveRequestError): void {
    if (err.code === ErrorCode.LESSON_ENDED) return this.end(null);
    // Publishing failures (no camera, refused) leave the lesson running: tell the user.
    if (this.state.status === 'live') return this.options.onError(err);
    // The socket dropped mid-join: the next connect joins again.
    if (!this.socket?.connected) return;
    this.fail(err);
  }

  private teardownMedia(): void {
    this.ice.cancelAll();
    this.preferredLayers.clear();
    this.publisher.rememberPaused();
    this.session?.close();
    this.session = null;
    r.resetMedia(this.state);
  }

  private onConsumerNew(offer: ConsumerOffer, ack: (res: Ack<Record<string, never>>) => void): void {
    const session = this.session;
    if (!session) return ack(fail(ErrorCode.INVALID_STATE, 'no receive transport yet'));
    session
      .consume(offer)
      .then(() => {
        if (session !== this.session) throw new Error('superseded by a new connection');
        r.addConsumer(this.state, r.consumerViewOf(offer));
        ack(ok<Record<string, never>>({}));
      })
      .catch((err: unknown) => ack(fail(ErrorCode.INTERNAL, err instanceof Error ? err.message : String(err))));
  }

  private async restartTransport(transportId: string): Promise<void> {
    try {
      await this.session?.restartIce(transportId);
    } catch (err) {
      const e = LiveRequestError.from(err);
      // The server no longer knows this transport: only a fresh connection brings the media back.
      if (e.code !== 'TIMEOUT' && this.socket?.connected) this.reconnectFresh();
      throw e;
    }
  }

  private onDisconnect(reason: string): void {
    if (this.stopped || this.state.status === 'ended' || this.state.status === 'error') return;
    r.setStatus(this.state, 'reconnecting');
    // socket.io reconnects by itself, except after a server-side disconnect.
    if (reason === 'io server disconnect') setTimeout(() => this.socket?.connect(), 1000);
  }

  private onConnectError(body: ErrorBody | undefined): void {
    if (this.stopped || !this.socket || this.socket.raw.active) return; // network error: socket.io retries
    const code = body?.code ?? 'CONNECTION_FAILED';
    if (code === ErrorCode.LESSON_ENDED) return this.end(null);
    if (FATAL_HANDSHAKE.has(code) || this.tokenRetries >= MAX_TOKEN_RETRIES) {
      return this.fail(new LiveRequestError(code, body?.message ?? 'connection refused'));
    }
    // Expired or otherwise stale token: fetch a new one and try again.
    this.tokenRetries++;
    this.tokens.invalidate();
    setTimeout(() => this.socket?.connect(), 500 * this.tokenRetries);
  }

  private end(reason: LessonEndReason | null): void {
    this.stop();
    r.setEnded(this.state, reason);
  }

  private fail(err: LiveRequestError): void {
    this.stop();
    r.setFatal(this.state, err.code, err.message);
  }
}
