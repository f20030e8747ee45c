import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MediaServerConfig } from '@tongke/config';
import { PLATFORM_VERSION, type MediaNodeStatus } from '@tongke/contracts';
import { MediaNodeDirectory } from '@tongke/core';
import { WorkerPoolService } from '../workers/worker-pool.service';

/** Reports this media node and its workers' load to Redis every few seconds. */
@Injectable()
export class NodeRegistryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NodeRegistryService.name);
  private readonly startedAt = new Date().toISOString();
  private timer: NodeJS.Timeout | undefined;
  private reporting: Promise<void> = Promise.resolve();
  private last: MediaNodeStatus | undefined;

  constructor(
    private readonly server: MediaServerConfig,
    private readonly pool: WorkerPoolService,
    private readonly directory: MediaNodeDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.report();
    this.timer = setInterval(() => {
      this.reporting = this.report().catch((err: Error) => this.logger.warn(`load report failed: ${err.message}`));
    }, this.server.reportIntervalMs);
    this.timer.unref();
  }

  /** The status last reported to Redis (CPU is sampled once per report interval only). */
  async current(): Promise<MediaNodeStatus> {
    return this.last ?? this.status();
  }

  private async status(): Promise<MediaNodeStatus> {
    return {
      id: this.server.nodeId,
      publicUrl: this.server.publicUrl,
      version: PLATFORM_VERSION,
      startedAt: this.startedAt,
      reportedAt: new Date().toISOString(),
      workers: await this.pool.loads(),
    };
  }

  private async report(): Promise<void> {
    this.last = await this.status();
    await this.directory.publish(this.last);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.reporting;
    await this.directory.remove(this.server.nodeId).catch(() => undefined);
  }
}
