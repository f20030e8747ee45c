import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type LessonRecordEvent, type LessonRecordEventStored, lessonRecordEventSchema } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { LessonEventsService } from './lesson-events.service';
import { ParseObjectIdPipe } from '../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../common/pipes/zod-validation.pipe';
import { ServiceTokenGuard } from './service-token.guard';

/** Media nodes report lesson record events here (service token); not part of the public API. */
@ApiExcludeController()
@UseGuards(ServiceTokenGuard)
@Controller('internal/live-sessions')
export class InternalEventsController {
  constructor(private readonly events: LessonEventsService) {}

  /** 201 once the event is stored. */
  @Post(':id/events')
  store(
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(lessonRecordEventSchema)) event: LessonRecordEvent,
  ): Promise<LessonRecordEventStored> {
    return this.events.store(id, event);
  }
}
