import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { RedisLock } from '../../live/redis-lock.adapter';
import { MediaToolsModule } from '../media-tools/media-tools.module';
import { ResourcesModule } from '../resources/resources.module';
import { ChannelAccess } from './channel-access.service';
import { ChannelRepository } from './channel.repository';
import { Channel, ChannelSchema } from './channel.schema';
import { ChannelViews } from './channel.views';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { HlsRenditionReader } from './live/hls-rendition.reader';
import { LiveStreamService } from './live/live-stream.service';
import { ProgrammeEntryRepository } from './programme-entry.repository';
import { ProgrammeEntry, ProgrammeEntrySchema } from './programme-entry.schema';
import { ProgrammeService } from './programme.service';

/**
 * Rebroadcast channels (空中云课堂): channels and their programmes of library resources, the
 * programme guide, and the live HLS playlist computed from the clock (no transcoding: segments
 * are the resources' own, served by the library's signed media route).
 */
@Module({
  imports: [
    AuthModule,
    AuditModule,
    MediaToolsModule,
    ResourcesModule,
    MongooseModule.forFeature([
      { name: Channel.name, schema: ChannelSchema },
      { name: ProgrammeEntry.name, schema: ProgrammeEntrySchema },
    ]),
  ],
  controllers: [ChannelsController],
  providers: [
    ChannelRepository,
    ProgrammeEntryRepository,
    ChannelAccess,
    ChannelViews,
    ChannelsService,
    ProgrammeService,
    HlsRenditionReader,
    LiveStreamService,
    RedisLock,
  ],
})
export class ChannelsModule {}
