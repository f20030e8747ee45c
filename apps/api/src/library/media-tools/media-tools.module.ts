import { Module } from '@nestjs/common';
import { PlaybackTokenService } from '../storage/playback-token.service';
import { StoragePaths } from '../storage/storage-paths';
import { FfmpegRunner } from './ffmpeg.runner';
import { FfprobeAdapter } from './ffprobe.adapter';

/** The adapters to ffmpeg/ffprobe (Debian's binaries, paths from StorageConfig), the storage layout and playback-link signing. */
@Module({
  providers: [FfmpegRunner, FfprobeAdapter, StoragePaths, PlaybackTokenService],
  exports: [FfmpegRunner, FfprobeAdapter, StoragePaths, PlaybackTokenService],
})
export class MediaToolsModule {}
