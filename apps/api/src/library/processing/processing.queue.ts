import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LibraryConfig, RedisConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';
import { PROCESSING_QUEUE, type ProcessingJobData } from './processing-job';
import { ProcessingPipeline } from './processing.pipeline';

/** First retry after this long, then twice as long each time. */
export const PROCESSING_BACKOFF_MS = 5000;
const KEY_PREFIX = 'tongke:bull';
const FAILED_JOBS_KEPT_S = 7 * 24 * 3600;
const OBJECT_ID = /^[0-9a-f]{24}$/;

interface Running {
  abort: AbortController;
  done: Promise<unknown>;
}

/**
 * The library's processing queue (BullMQ on the API's Redis), the one adapter to BullMQ: other
 * modules call `enqueue`; every API process runs a worker (LibraryConfig.processingConcurrency
 * jobs at once) from module init to destroy. A job's id is its resource's id, so enqueueing
 * twice is harmless; a failed attempt is retried with exponential backoff up to
 * LibraryConfig.processingAttempts; a job whose process died is found stalled by any worker
 * and run again.
 */
@Injectable()
export class ProcessingQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProcessingQueue.name);
  private queue?: Queue<ProcessingJobData>;
  private worker?: Worker<ProcessingJobData>;
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly redis: RedisConfig,
    private readonly library: LibraryConfig,
    private readonly pipeline: ProcessingPipeline,
  ) {}

  onModuleInit(): void {
    const connection: ConnectionOptions = { url: this.redis.url, maxRetriesPerRequest: null };
    this.queue = new Queue<ProcessingJobData>(PROCESSING_QUEUE, { connection, prefix: KEY_PREFIX });
    this.worker = new Worker<ProcessingJobData>(PROCESSING_QUEUE, (job) => this.process(job), {
      connection,
      prefix: KEY_PREFIX,
      concurrency: this.library.processingConcurrency,
      maxStalledCount: this.library.processingAttempts,
    });
    this.queue.on('error', (err) => this.logger.warn(`processing queue: ${err.message}`));
    this.worker.on('error', (err) => this.logger.warn(`processing worker: ${err.message}`));
  }

  /**
   * Queues resource `data.resourceId` for processing. A job already waiting or running for it
   * is left alone; one that failed for good is replaced (the resource is processed again).
   */
  async enqueue(data: ProcessingJobData): Promise<void> {
    if (!OBJECT_ID.test(data.resourceId) || !OBJECT_ID.test(data.communityId)) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'a processing job needs a resource and community id');
    }
    const queue = this.ready(this.queue);
    const previous = await queue.getJob(data.resourceId);
    if (previous && ['failed', 'completed'].includes(await previous.getState())) await previous.remove();
    await queue.add('process', data, {
      jobId: data.resourceId,
      attempts: this.library.processingAttempts,
      backoff: { type: 'exponential', delay: PROCESSING_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: { age: FAILED_JOBS_KEPT_S },
    });
  }

  /** Where resource `resourceId`'s job stands (`missing` if there is none). */
  async jobState(resourceId: string): Promise<string> {
    const job = await this.ready(this.queue).getJob(resourceId);
    return job ? await job.getState() : 'missing';
  }

  /** Stops taking jobs and aborts the running ones without failing them: they are run again later. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
    const running = [...this.running.values()];
    running.forEach((r) => r.abort.abort());
    await Promise.all(running.map((r) => r.done));
    await this.queue?.close();
  }

  private async process(job: Job<ProcessingJobData>): Promise<void> {
    const abort = new AbortController();
    const done = this.pipeline.process(job.data, {
      attempt: job.attemptsMade + 1,
      attempts: job.opts.attempts ?? 1,
      signal: abort.signal,
      report: (stage, progress) => job.updateProgress({ stage, progress }),
    });
    const key = job.id ?? job.data.resourceId;
    this.running.set(key, { abort, done: done.catch(() => undefined) });
    try {
      await done;
    } finally {
      this.running.delete(key);
    }
  }

  private ready<T>(part: T | undefined): T {
    if (!part) throw new AppError(ErrorCode.UNAVAILABLE, 'the processing queue is not started');
    return part;
  }
}
