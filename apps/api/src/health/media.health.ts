import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { MediaNodeDirectory } from '@tongke/core';

/** Up when at least one media node has reported its load to Redis recently. */
@Injectable()
export class MediaHealthIndicator {
  constructor(
    private readonly directory: MediaNodeDirectory,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key: 'media'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      const nodes = await this.directory.list();
      if (nodes.length === 0) return session.down({ message: 'no media node has reported recently', nodes });
      return session.up({ nodes });
    } catch (err) {
      return session.down({ message: (err as Error).message });
    }
  }
}
