import type { MediaSource } from '@tongke/contracts';
import type { types } from 'mediasoup';
import type { LayerController } from './layer.controller';
import type { RecvLinkController } from './recv-link.controller';

/** Why a producer is paused server-side; it is paused while any reason holds. */
export type ProducerPauseReason =
  /** The owner paused it (local mute). */
  | 'owner'
  /** Muted by the lead or the classroom's assistant, or its permission was turned off. */
  | 'muted'
  /** Classroom audio held while the lead has paused or disabled interaction. */
  | 'interaction'
  /** The owner's link mode (receive-only, or audio-only for video). */
  | 'link';

/** Why a consumer is paused; it is paused while any reason holds. */
export type ConsumerPauseReason =
  /** Created paused until the client acks the offer. */
  | 'ack'
  /** The client paused it. */
  | 'client'
  /** The receiver is audio-only. */
  | 'link'
  /** The receiving transport's estimate is too low for video. */
  | 'bandwidth';

export interface TransportEntry {
  transport: types.WebRtcTransport | types.PlainTransport;
  /** Owner; null for a plain viewer. */
  peerId: string | null;
  direction: 'send' | 'recv' | 'plain';
  /** The broadcast viewer router it lives on (viewers and plain broadcast relays); else the lesson's router. */
  router?: types.Router;
  connected: boolean;
  /** Bandwidth watch of a WebRTC recv transport. */
  link?: RecvLinkController;
  /** Set by whoever closes it, for the close log. */
  closeReason?: string;
}

export interface ProducerEntry {
  producer: types.Producer;
  peerId: string;
  source: MediaSource;
  transportId: string;
  reasons: Set<ProducerPauseReason>;
  /** Latest score of its best encoding (0..10). */
  score?: number;
  /** Set by whoever closes it, for the close log. */
  closeReason?: string;
}

export interface ConsumerEntry {
  consumer: types.Consumer;
  /** Receiver; null for a plain viewer. */
  peerId: string | null;
  /** Publisher of the consumed producer. */
  ownerId: string;
  source: MediaSource;
  transportId: string;
  reasons: Set<ConsumerPauseReason>;
  layers?: LayerController;
  /** Set by whoever closes it, for the close log and `consumer:closed`. */
  closeReason?: string;
}
