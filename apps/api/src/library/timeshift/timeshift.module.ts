import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { LiveModule } from '../../live/live.module';
import { RedisLock } from '../../live/redis-lock.adapter';
import { MediaToolsModule } from '../media-tools/media-tools.module';
import { ProcessingModule } from '../processing/processing.module';
import { TimeshiftChunkStore } from './timeshift-chunk.store';
import { TimeshiftComposer } from './timeshift.composer';
import { TimeshiftController } from './timeshift.controller';
import { TimeshiftService } from './timeshift.service';

/** Time-shift of lessons in progress: the recording so far as a growing HLS playlist, composed on demand. */
@Module({
  imports: [AuthModule, LiveModule, MediaToolsModule, ProcessingModule],
  controllers: [TimeshiftController],
  providers: [TimeshiftService, TimeshiftComposer, TimeshiftChunkStore, RedisLock],
})
export class TimeshiftModule {}
