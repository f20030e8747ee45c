import { Module } from '@nestjs/common';
import { StoragePaths } from '../storage/storage-paths';
import { FfmpegRunner } from './ffmpeg.runner';
import { FfprobeAdapter } from './ffprobe.adapter';

/** The adapters to ffmpeg/ffprobe (Debian's binaries, paths from StorageConfig) and the storage layout. */
@Module({
  providers: [FfmpegRunner, FfprobeAdapter, StoragePaths],
  exports: [FfmpegRunner, FfprobeAdapter, StoragePaths],
})
export class MediaToolsModule {}
