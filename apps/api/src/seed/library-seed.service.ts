import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { FfmpegRunner } from '../library/media-tools/ffmpeg.runner';
import { ProcessingQueue } from '../library/processing/processing.queue';
import { ResourceFactory } from '../library/resources/resource.factory';
import { ResourceRepository } from '../library/resources/resource.repository';
import { StoragePaths } from '../library/storage/storage-paths';
import { DEMO_COMMUNITY } from './demo-district.data';
import { DEMO_CLIP_S, DEMO_LIBRARY_VIDEOS, type DemoLibraryVideo } from './demo-library.data';

/** A CJK font Debian's fonts-noto-cjk installs (setup installs it); titles are drawn only if present. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * Seeds the demo library: for each demo video not there yet, generates a short clip with ffmpeg
 * (a test pattern with the lesson's title and a tone) as an upload source and sends it through
 * the real processing pipeline, so the library, playback and channels have something to show.
 */
@Injectable()
export class LibrarySeedService {
  private readonly logger = new Logger(LibrarySeedService.name);

  constructor(
    private readonly resources: ResourceRepository,
    private readonly factory: ResourceFactory,
    private readonly queue: ProcessingQueue,
    private readonly ffmpeg: FfmpegRunner,
    private readonly storage: StoragePaths,
  ) {}

  /** Seeds what is missing; answers how many videos were queued. */
  async ensure(): Promise<number> {
    let queued = 0;
    for (const video of DEMO_LIBRARY_VIDEOS) {
      if (await this.resources.findOne(DEMO_COMMUNITY._id, video._id)) continue;
      await this.seedVideo(video);
      queued++;
    }
    if (queued) this.logger.log(`demo library: ${queued} video(s) generated and queued for processing`);
    return queued;
  }

  private async seedVideo(video: DemoLibraryVideo): Promise<void> {
    const id = video._id.toHexString();
    const dir = this.storage.sourceDir(id);
    const file = path.join(dir, 'source.mp4');
    await mkdir(dir, { recursive: true });
    try {
      await this.generateClip(video, dir, file);
      await this.factory.create({
        id: video._id,
        communityId: DEMO_COMMUNITY._id,
        kind: 'upload',
        metadata: video.metadata,
        createdBy: video.teacherId,
        teacherId: video.teacherId,
        source: { kind: 'upload', path: path.relative(this.storage.root, file), filename: `${id}.mp4` },
      });
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    await this.queue.enqueue({
      resourceId: id,
      communityId: DEMO_COMMUNITY._id.toHexString(),
      source: { kind: 'upload', path: path.relative(this.storage.root, file) },
    });
  }

  private async generateClip(video: DemoLibraryVideo, dir: string, file: string): Promise<void> {
    const titleFile = path.join(dir, 'title.txt');
    await writeFile(titleFile, video.metadata.title);
    const title = existsSync(CJK_FONT)
      ? `,drawtext=fontfile=${CJK_FONT}:textfile=${titleFile}:fontsize=36:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=12:x=(w-text_w)/2:y=h-90`
      : '';
    await this.ffmpeg.run([
      ...['-f', 'lavfi', '-i', `testsrc2=size=960x540:rate=25:duration=${DEMO_CLIP_S}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=${video.toneHz}:sample_rate=48000:duration=${DEMO_CLIP_S}`],
      ...['-vf', `format=yuv420p${title}`, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26'],
      ...['-c:a', 'aac', '-b:a', '96k', '-shortest', '-movflags', '+faststart', file],
    ]);
    await rm(titleFile, { force: true });
  }
}
