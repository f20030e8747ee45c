import { Injectable } from '@nestjs/common';
import { MongoConfig } from '@tongke/config';
import { RedisService } from '@tongke/core';
import { decodeOrgChange, encodeOrgChange, type OrgChange } from './org-change';

/** What a subscriber hears: another process's change, or its subscription going down / coming back. */
export interface OrgChangeSubscriber {
  onChange(change: OrgChange): void;
  /** false: messages may be missed from now on; true: subscribed (again), messages arrive. */
  onLive(live: boolean): void;
}

/**
 * The Redis pub/sub channel on which API processes tell each other about writes to org data: one
 * per database (pub/sub ignores Redis db numbers; processes on other databases needn't hear).
 */
@Injectable()
export class OrgChangeChannel {
  private readonly channel: string;

  constructor(
    private readonly redis: RedisService,
    mongo: MongoConfig,
  ) {
    this.channel = `tongke:org:changed:${mongo.dbName}`;
  }

  publish(change: OrgChange, origin: string): Promise<void> {
    return this.redis.publish(this.channel, encodeOrgChange(change, origin));
  }

  /** Hears other processes' changes (messages from `origin` itself are skipped); answers a function that stops. */
  subscribe(origin: string, subscriber: OrgChangeSubscriber): Promise<() => Promise<void>> {
    const onMessage = (message: string) => {
      const decoded = decodeOrgChange(message);
      if (decoded.origin !== origin) subscriber.onChange(decoded.change);
    };
    return this.redis.subscribe(this.channel, onMessage, (live) => subscriber.onLive(live));
  }
}
