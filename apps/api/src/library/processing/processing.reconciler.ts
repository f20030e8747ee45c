import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import { RedisLock } from '../../live/redis-lock.adapter';
import { ResourceRepository } from '../resources/resource.repository';
import type { Resource } from '../resources/resource.schema';
import { ProcessingQueue } from './processing.queue';

/** A processing resource whose progress has not moved for this long is checked against the queue. */
export const STALE_AFTER_MS = 15 * 60_000;
const SWEEP_EVERY_MS = 5 * 60_000;
const LOCK_TTL_MS = 60_000;

/** Job states in which the queue still owns the work. */
const IN_QUEUE = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/**
 * Keeps the library's promise that a resource is either processed, retried or reported failed:
 * at start-up and every few minutes (one API process at a time), a resource left `processing`
 * with no job behind it — a crash between creating it and queueing it, or a job BullMQ gave up
 * on after too many stalls — is queued again, or marked failed once its attempts are used up.
 */
@Injectable()
export class ProcessingReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProcessingReconciler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly resources: ResourceRepository,
    private readonly queue: ProcessingQueue,
    private readonly lock: RedisLock,
    private readonly library: LibraryConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepLogged(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweepLogged();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One sweep (under the lock); answers how many resources it re-queued or failed. */
  async sweep(now = new Date()): Promise<number> {
    const result = await this.lock.runExclusive('library-processing-sweep', LOCK_TTL_MS, async () => {
      let handled = 0;
      for (const resource of await this.resources.findStaleProcessing(new Date(now.getTime() - STALE_AFTER_MS))) {
        if (await this.reconcile(resource)) handled++;
      }
      return handled;
    });
    return result.ran ? result.value : 0;
  }

  private async reconcile(resource: Resource): Promise<boolean> {
    const id = resource._id.toHexString();
    if (IN_QUEUE.has(await this.queue.jobState(id))) return false;
    if (resource.processing.attempts >= this.library.processingAttempts) {
      const error = resource.processing.error ?? 'processing stopped and its attempts are used up';
      await this.resources.setFailed(resource.communityId, resource._id, error, resource.processing.attempts, true);
      this.logger.warn(`resource ${id}: processing abandoned, marked failed (${error})`);
    } else {
      await this.queue.enqueue({
        resourceId: id,
        communityId: resource.communityId.toHexString(),
        source: { kind: resource.source.kind, path: resource.source.path },
      });
      this.logger.warn(`resource ${id}: processing had no job behind it; queued again`);
    }
    return true;
  }

  private async sweepLogged(): Promise<void> {
    try {
      await this.sweep();
    } catch (err) {
      this.logger.error(`processing sweep failed: ${(err as Error).message}`);
    }
  }
}
