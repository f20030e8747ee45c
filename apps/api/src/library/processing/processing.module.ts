import { Module } from '@nestjs/common';
import { MediaToolsModule } from '../media-tools/media-tools.module';
import { ResourcesModule } from '../resources/resources.module';
import { CompositionRunner } from './composition/composition.runner';
import { HlsPackager } from './outputs/hls.packager';
import { ThumbnailMaker } from './outputs/thumbnail.maker';
import { UploadTranscoder } from './outputs/upload.transcoder';
import { ProcessingPipeline } from './processing.pipeline';
import { ProcessingQueue } from './processing.queue';
import { ProcessingReconciler } from './processing.reconciler';
import { RedisLock } from '../../live/redis-lock.adapter';
import { RecordingComposer } from './recording/recording.composer';
import { RecordingManifestReader } from './recording/recording-manifest.reader';
import { ResourceFilesAdapter } from './resource-files.adapter';

/**
 * The processing pipeline (BullMQ): recordings and uploads become published resources (MP4,
 * HLS renditions, poster, thumbnail sprite). Exports the queue (`enqueue`) and, for time-shift,
 * the recording reader and the composition runner.
 */
@Module({
  imports: [MediaToolsModule, ResourcesModule],
  providers: [
    ProcessingQueue,
    ProcessingReconciler,
    RedisLock,
    ProcessingPipeline,
    ResourceFilesAdapter,
    RecordingManifestReader,
    RecordingComposer,
    CompositionRunner,
    UploadTranscoder,
    HlsPackager,
    ThumbnailMaker,
  ],
  exports: [ProcessingQueue, RecordingManifestReader, CompositionRunner],
})
export class ProcessingModule {}
