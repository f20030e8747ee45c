import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DocRestoredEvent } from '@tongke/contracts';
import { RedisService } from '@tongke/core';

/** The one Redis channel every API process relays document traffic on. */
export const COLLAB_RELAY_CHANNEL = 'tongke:collab:relay';

/** What one process tells the others about a document. */
export type RelayMessage =
  | { kind: 'update'; docId: string; data: Uint8Array }
  | { kind: 'awareness'; docId: string; data: Uint8Array }
  | { kind: 'restored'; docId: string; event: DocRestoredEvent }
  | { kind: 'removed'; docId: string };

interface WireMessage {
  origin: string;
  kind: RelayMessage['kind'];
  docId: string;
  data?: string;
  event?: DocRestoredEvent;
}

export interface RelayListener {
  onMessage(message: RelayMessage): void;
  /** The subscription is live again after a drop: messages may have been missed. */
  onResubscribed(): void;
}

/**
 * Relays stored document updates, awareness, restore and removal notices between API processes over
 * Redis pub/sub, so two processes serve one document. Each process skips its own messages.
 */
@Injectable()
export class CollabRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(CollabRelay.name);
  readonly processId = randomUUID();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly redis: RedisService) {}

  async start(listener: RelayListener): Promise<void> {
    let wasDown = false;
    this.unsubscribe = await this.redis.subscribe(
      COLLAB_RELAY_CHANNEL,
      (raw) => this.receive(raw, listener),
      (live) => {
        if (!live) wasDown = true;
        else if (wasDown) {
          wasDown = false;
          listener.onResubscribed();
        }
      },
    );
  }

  async publish(message: RelayMessage): Promise<void> {
    const wire: WireMessage = { origin: this.processId, kind: message.kind, docId: message.docId };
    if (message.kind === 'restored') wire.event = message.event;
    else if (message.kind !== 'removed')
      wire.data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength).toString('base64');
    await this.redis.publish(COLLAB_RELAY_CHANNEL, JSON.stringify(wire));
  }

  private receive(raw: string, listener: RelayListener): void {
    try {
      const wire = JSON.parse(raw) as WireMessage;
      if (wire.origin === this.processId) return;
      if (wire.kind === 'removed') {
        listener.onMessage({ kind: 'removed', docId: wire.docId });
      } else if (wire.kind === 'restored' && wire.event) {
        listener.onMessage({ kind: 'restored', docId: wire.docId, event: wire.event });
      } else if ((wire.kind === 'update' || wire.kind === 'awareness') && typeof wire.data === 'string') {
        listener.onMessage({
          kind: wire.kind,
          docId: wire.docId,
          data: new Uint8Array(Buffer.from(wire.data, 'base64')),
        });
      }
    } catch (err) {
      this.logger.warn(`ignored a malformed relay message: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unsubscribe?.().catch(() => undefined);
  }
}
