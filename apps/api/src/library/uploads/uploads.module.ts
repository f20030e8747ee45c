import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { MediaToolsModule } from '../media-tools/media-tools.module';
import { ProcessingModule } from '../processing/processing.module';
import { ResourcesModule } from '../resources/resources.module';
import { TusRedisLocker } from './tus/tus-redis.locker';
import { TusUploadServer } from './tus/tus-upload.server';
import { UploadAdmission } from './upload-admission.service';
import { UploadFinisher } from './upload-finisher.service';
import { UploadJanitor } from './upload-janitor.service';
import { UploadStorage } from './upload-storage.adapter';
import { UploadTargetResolver } from './upload-target.resolver';
import { UploadsController } from './uploads.controller';

/**
 * Resumable uploads (tus 1.0) of videos (名师微课, 拓展课程) into the library at /api/library/uploads:
 * a finished upload is checked (ffprobe), becomes a resource and goes through the processing pipeline.
 */
@Module({
  imports: [AuthModule, MediaToolsModule, ResourcesModule, ProcessingModule],
  controllers: [UploadsController],
  providers: [
    TusUploadServer,
    TusRedisLocker,
    UploadAdmission,
    UploadFinisher,
    UploadTargetResolver,
    UploadStorage,
    UploadJanitor,
  ],
})
export class UploadsModule {}
