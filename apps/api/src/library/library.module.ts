import { Module } from '@nestjs/common';
import { ChannelsModule } from './channels/channels.module';
import { ProcessingModule } from './processing/processing.module';
import { ResourcesModule } from './resources/resources.module';
import { TimeshiftModule } from './timeshift/timeshift.module';
import { UploadsModule } from './uploads/uploads.module';

/**
 * The lesson library (名校网络课堂): resources (recorded lessons, uploads), their processing
 * pipeline, resumable uploads, time-shift of lessons in progress and rebroadcast channels (空中云课堂).
 */
@Module({
  imports: [ResourcesModule, ProcessingModule, UploadsModule, TimeshiftModule, ChannelsModule],
})
export class LibraryModule {}
