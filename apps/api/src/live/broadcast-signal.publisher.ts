import { Injectable } from '@nestjs/common';
import { BROADCAST_SIGNAL_CHANNEL, type BroadcastSignal } from '@tongke/contracts';
import { RedisService } from '@tongke/core';

/** The adapter that tells media nodes (Redis pub/sub) that a lesson's broadcast was opened or closed. */
@Injectable()
export class BroadcastSignalPublisher {
  constructor(private readonly redis: RedisService) {}

  async publish(signal: BroadcastSignal): Promise<void> {
    await this.redis.publish(BROADCAST_SIGNAL_CHANNEL, JSON.stringify(signal));
  }
}
