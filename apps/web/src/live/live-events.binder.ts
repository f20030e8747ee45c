import type { Ack, ConsumerOffer, LessonEndReason } from '@tongke/contracts';
import type { LiveState } from './live-state';
import type { MediaSession } from './media-session';
import type { TypedLiveSocket } from './live-socket';
import * as r from './live-state.reducer';

/** What the binder needs from the session client. */
export interface LiveEventTarget {
  readonly state: LiveState;
  media(): MediaSession | null;
  onConsumerNew(offer: ConsumerOffer, ack: (res: Ack<Record<string, never>>) => void): void;
  onLessonEnded(reason: LessonEndReason): void;
  onReplaced(): void;
  /** A viewer: the lead closed the broadcast (the connection closes next). */
  onBroadcastClosed(): void;
}

/** Routes every server push on the `/live` socket to the state (and the local media objects). */
export class LiveEventBinder {
  constructor(private readonly target: LiveEventTarget) {}

  bind(socket: TypedLiveSocket): void {
    this.bindConsumers(socket);
    this.bindProducers(socket);
    this.bindPeers(socket);
    this.bindLesson(socket);
  }

  private bindConsumers(socket: TypedLiveSocket): void {
    const { state } = this.target;
    socket.on('consumer:new', (offer, ack) => this.target.onConsumerNew(offer, ack));
    socket.on('consumer:closed', ({ consumerId }) => {
      this.target.media()?.closeConsumer(consumerId);
      r.removeConsumer(state, consumerId);
    });
    socket.on('consumer:paused', ({ consumerId }) => r.patchConsumer(state, consumerId, { paused: true }));
    socket.on('consumer:resumed', ({ consumerId }) => r.patchConsumer(state, consumerId, { paused: false }));
    socket.on('consumer:layers', ({ consumerId, spatialLayer, temporalLayer }) =>
      r.patchConsumer(state, consumerId, { spatialLayer, temporalLayer }),
    );
    socket.on('consumer:score', ({ consumerId, score, producerScore }) =>
      r.patchConsumer(state, consumerId, { score, producerScore }),
    );
  }

  /** Our own producer paused or resumed by someone else (the lead, our assistant, the interaction switch). */
  private bindProducers(socket: TypedLiveSocket): void {
    const { state } = this.target;
    socket.on('producer:paused', ({ producerId }) => {
      this.target.media()?.producerById(producerId)?.pause();
      r.applyProducerPaused(state, producerId, true);
    });
    socket.on('producer:resumed', ({ producerId }) => {
      this.target.media()?.producerById(producerId)?.resume();
      r.applyProducerPaused(state, producerId, false);
    });
  }

  private bindPeers(socket: TypedLiveSocket): void {
    const { state } = this.target;
    socket.on('peer:joined', (peer) => r.upsertPeer(state, peer));
    socket.on('peer:updated', (peer) => r.upsertPeer(state, peer));
    socket.on('peer:left', ({ peerId }) => {
      const media = this.target.media();
      for (const c of state.consumers.filter((x) => x.peerId === peerId)) media?.closeConsumer(c.id);
      r.removePeer(state, peerId);
    });
    socket.on('peer:replaced', () => this.target.onReplaced());
  }

  private bindLesson(socket: TypedLiveSocket): void {
    const { state } = this.target;
    socket.on('hand:changed', ({ hands }) => r.setHands(state, hands));
    socket.on('stage:changed', ({ stagePeerId }) => r.setStage(state, stagePeerId));
    socket.on('chat:message', (m) => r.addChatMessage(state, m));
    socket.on('quiz:started', (q) => r.applyQuiz(state, q));
    socket.on('quiz:tally', (q) => r.applyQuiz(state, q));
    socket.on('quiz:ended', (q) => r.applyQuiz(state, q));
    socket.on('whiteboard:stroke', (s) => r.addStroke(state, s));
    socket.on('whiteboard:cleared', () => r.clearStrokes(state));
    socket.on('file:shared', (f) => r.addFile(state, f));
    socket.on('lesson:interaction', ({ interaction }) => r.setInteraction(state, interaction));
    socket.on('lesson:ended', ({ reason }) => this.target.onLessonEnded(reason));
    socket.on('broadcast:viewers', ({ viewers }) => r.setBroadcastViewers(state, viewers));
    socket.on('broadcast:closed', () => this.target.onBroadcastClosed());
  }
}
