// Shapes exchanged between the bench (Node) and the producer page (Chromium).

/** How the page signals: through a function the bench exposes, or the platform's `/live` socket. */
export type PageSignal = { kind: 'exposed' } | { kind: 'socket'; mediaUrl: string; token: string };

export interface PublishConfig {
  signal: PageSignal;
  /** Publish the microphone too (the lead teacher always does). */
  audio: boolean;
}

export interface PublishResult {
  videoProducerId: string;
  audioProducerId?: string;
}

/** One outbound RTP stream of the page (a simulcast layer, or the audio). */
export interface OutboundStreamStats {
  kind: string;
  rid?: string;
  bytesSent: number;
  packetsSent: number;
  retransmittedPacketsSent: number;
  nackCount: number;
  frameWidth?: number;
  frameHeight?: number;
  framesPerSecond?: number;
  qualityLimitationReason?: string;
  /** From the worker's receiver reports (remote-inbound-rtp). */
  remotePacketsLost?: number;
  remoteFractionLost?: number;
}

/** The request function the bench exposes to the page on the baseline side. */
export const EXPOSED_SIGNAL_FUNCTION = '__fanoutSignal';
/** The object the page script puts on `window`. */
export const PAGE_HOOK = 'fanout';
