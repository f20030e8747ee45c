import { Injectable } from '@nestjs/common';
import type { Ack, ConsumerOffer, LiveServerEvents } from '@tongke/contracts';
import { LiveSessionAdapter } from '../auth/live-session.adapter';
import { type LiveNamespace, type LiveSocket, peerRoom } from '../live-socket.types';

/** Events the server broadcasts (all but the acked `consumer:new`). */
export type BroadcastEvent = Exclude<keyof LiveServerEvents, 'consumer:new'>;
export type EventPayload<E extends BroadcastEvent> = Parameters<LiveServerEvents[E]>[0];

/** How long a client has to ack a `consumer:new` offer. */
export const OFFER_ACK_TIMEOUT_MS = 10_000;

/**
 * The adapter for the `/live` socket.io namespace: everything the rooms send goes through here.
 * Per-participant events go to the participant's socket.io room, so a recovered connection gets
 * the ones it missed.
 */
@Injectable()
export class LiveEmitter {
  private nsp: LiveNamespace | undefined;

  bind(nsp: LiveNamespace): void {
    this.nsp = nsp;
  }

  private get namespace(): LiveNamespace {
    if (!this.nsp) throw new Error('the /live namespace is not bound yet');
    return this.nsp;
  }

  /** Sends `event` to each listed participant (one encoded packet for all). */
  toPeers<E extends BroadcastEvent>(peerIds: string[], event: E, payload?: EventPayload<E>): void {
    if (peerIds.length === 0) return;
    const target = this.namespace.to(peerIds.map(peerRoom)) as unknown as {
      emit: (e: string, ...args: unknown[]) => void;
    };
    if (payload === undefined) target.emit(event);
    else target.emit(event, payload);
  }

  toPeer<E extends BroadcastEvent>(peerId: string, event: E, payload?: EventPayload<E>): void {
    this.toPeers([peerId], event, payload);
  }

  /** Offers a consumer and waits for the client's ack (rejects on timeout or disconnection). */
  async offer(socket: LiveSocket, offer: ConsumerOffer): Promise<Ack<Record<string, never>>> {
    return socket.timeout(OFFER_ACK_TIMEOUT_MS).emitWithAck('consumer:new', offer);
  }

  /** The socket now receives its participant's events. */
  async enterPeer(socket: LiveSocket, peerId: string): Promise<void> {
    await socket.join(peerRoom(peerId));
  }

  /** Closes a socket for good: it will not be recovered. */
  disconnect(socket: LiveSocket): void {
    this.revoke(socket);
    if (socket.connected) socket.disconnect(true);
  }

  /** A socket waiting to be recovered will not be (its participant is gone). */
  revoke(socket: LiveSocket): void {
    const adapter = this.nsp?.adapter;
    if (adapter instanceof LiveSessionAdapter) adapter.revoke(socket.id);
  }
}
