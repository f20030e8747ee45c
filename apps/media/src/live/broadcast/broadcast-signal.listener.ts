import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BROADCAST_SIGNAL_CHANNEL, broadcastSignalSchema } from '@tongke/contracts';
import { RedisService } from '@tongke/core';
import { LiveRoomsService } from '../rooms/live-rooms.service';

/**
 * Hears the API's broadcast signals (an admin opened or closed a lesson's broadcast over REST)
 * and applies them to the lesson's room if it is on this node, as the lead's `broadcast:set` does;
 * the lead's console then shows the new state.
 */
@Injectable()
export class BroadcastSignalListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BroadcastSignalListener.name);
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly redis: RedisService,
    private readonly rooms: LiveRoomsService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.redis.subscribe(BROADCAST_SIGNAL_CHANNEL, (message) => this.onSignal(message));
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  onSignal(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const signal = broadcastSignalSchema.safeParse(parsed);
    if (!signal.success) {
      this.logger.warn(`ignored a malformed broadcast signal: ${message.slice(0, 200)}`);
      return;
    }
    const { sessionId, on } = signal.data;
    const room = this.rooms.find(sessionId);
    room?.background('broadcast signal', () => {
      const state = room.broadcast.setOpen(on, 'the API');
      room.toPeers(
        room.listed().filter((p) => p.isLead),
        'broadcast:viewers',
        state,
      );
    });
  }
}
