import path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import type { ProcessingStage } from '@tongke/contracts';
import { Types } from 'mongoose';
import { FfprobeAdapter } from '../media-tools/ffprobe.adapter';
import type { ResourceMedia } from '../resources/resource.schema';
import { ResourceRepository } from '../resources/resource.repository';
import { HlsPackager } from './outputs/hls.packager';
import { ThumbnailMaker } from './outputs/thumbnail.maker';
import { UploadTranscoder } from './outputs/upload.transcoder';
import type { PreparedSource } from './prepared-source';
import type { ProcessingJobData } from './processing-job';
import { ProgressReporter } from './processing-progress';
import { RecordingComposer } from './recording/recording.composer';
import { ResourceFilesAdapter, type WorkDirs } from './resource-files.adapter';

/** One attempt at a job, as the queue runs it. */
export interface ProcessingRun {
  /** 1-based; the work directory and the failure record name it. */
  attempt: number;
  /** Attempts the job gets in all (the last failure marks the resource failed). */
  attempts: number;
  /** Aborted when the process shuts down: the attempt stops and is retried later. */
  signal: AbortSignal;
  /** Mirrors progress to the queue's job. */
  report(stage: ProcessingStage, progress: number): Promise<void>;
}

interface Ids {
  communityId: Types.ObjectId;
  id: Types.ObjectId;
}

/**
 * Makes a resource playable from its source (a lesson's recording or an uploaded file):
 * probe → compose → hls → thumbnails → publish, in a work directory of its own, reporting
 * progress on the resource. Success publishes outputs and resource together; a failure is
 * recorded on the resource (final on the last attempt), its work removed, and rethrown so
 * the queue retries.
 */
@Injectable()
export class ProcessingPipeline {
  private readonly logger = new Logger(ProcessingPipeline.name);

  constructor(
    private readonly resources: ResourceRepository,
    private readonly files: ResourceFilesAdapter,
    private readonly recordings: RecordingComposer,
    private readonly uploads: UploadTranscoder,
    private readonly ffprobe: FfprobeAdapter,
    private readonly hls: HlsPackager,
    private readonly thumbnails: ThumbnailMaker,
  ) {}

  async process(job: ProcessingJobData, run: ProcessingRun): Promise<void> {
    const ids = { communityId: new Types.ObjectId(job.communityId), id: new Types.ObjectId(job.resourceId) };
    const resource = await this.resources.findOne(ids.communityId, ids.id);
    if (!resource || resource.status === 'ready') {
      this.logger.log(`resource ${job.resourceId} is ${resource ? 'already ready' : 'gone'}: nothing to process`);
      return;
    }
    const work = await this.files.prepareWork(job.resourceId, run.attempt);
    const progress = new ProgressReporter(
      (stage, p) => this.report(ids, stage, p, run),
      (err) => this.logger.warn(`progress of ${job.resourceId} not recorded: ${(err as Error).message}`),
    );
    try {
      const media = await this.produce(job, work, progress, run.signal);
      progress.enter('publish');
      await progress.flush();
      await this.publish(ids, work, media, run.attempt);
      if (resource.sessionId) await this.files.removeTimeshift(resource.sessionId.toHexString());
    } catch (err) {
      await progress.flush();
      await this.fail(ids, run, err);
      throw err;
    } finally {
      await this.files.removeWork(work);
    }
  }

  private async produce(
    job: ProcessingJobData,
    work: WorkDirs,
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<ResourceMedia> {
    const onProgress = (f: number) => progress.update(f);
    progress.enter('probe');
    const source = await this.prepare(job, work);
    progress.enter('compose');
    const mp4 = path.join(work.out, 'video.mp4');
    await source.encode(mp4, onProgress, signal);
    const probe = await this.ffprobe.probeVideo(mp4);
    const size = { width: probe.video.width, height: probe.video.height };
    const encoded = { mp4, size, fps: source.fps, durationS: probe.durationS || source.durationS };
    progress.enter('hls');
    const renditions = await this.hls.package(encoded, path.join(work.out, 'hls'), onProgress, signal);
    progress.enter('thumbnails');
    const thumbnails = await this.thumbnails.make(encoded, work.out, work.scratch, onProgress, signal);
    return { durationS: Math.round(encoded.durationS * 1000) / 1000, ...size, renditions, thumbnails };
  }

  private prepare(job: ProcessingJobData, work: WorkDirs): Promise<PreparedSource> {
    return job.source.kind === 'recording'
      ? this.recordings.prepare(job.source.path, work.scratch)
      : this.uploads.prepare(job.resourceId, job.source.path);
  }

  /**
   * Outputs first, then the resource: if marking it ready fails, the outputs go again; if the
   * resource was deleted while it was processed, so are the outputs (no orphan files).
   */
  private async publish(ids: Ids, work: WorkDirs, media: ResourceMedia, attempt: number): Promise<void> {
    const id = ids.id.toHexString();
    await this.files.publish(id, work);
    let published: boolean;
    try {
      published = await this.resources.publish(ids.communityId, ids.id, media, attempt);
    } catch (err) {
      await this.files.removePublished(id);
      throw err;
    }
    if (!published) {
      await this.files.removePublished(id);
      this.logger.log(`resource ${id} was deleted while it was processed: its outputs are removed`);
    }
  }

  private async fail(ids: Ids, run: ProcessingRun, err: unknown): Promise<void> {
    if (run.signal.aborted) return; // shutting down: the queue runs this attempt again later
    const message = err instanceof Error ? err.message : String(err);
    const final = run.attempt >= run.attempts;
    this.logger.warn(`processing ${ids.id} failed (attempt ${run.attempt}/${run.attempts}): ${message}`);
    await this.files.removePublished(ids.id.toHexString());
    await this.resources.setFailed(ids.communityId, ids.id, message, run.attempt, final);
  }

  private async report(ids: Ids, stage: ProcessingStage, progress: number, run: ProcessingRun): Promise<void> {
    await this.resources.setProcessing(ids.communityId, ids.id, stage, progress, run.attempt);
    await run.report(stage, progress);
  }
}
