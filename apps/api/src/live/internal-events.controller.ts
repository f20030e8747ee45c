import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type LessonRecordEvent, type LessonRecordEventStored, lessonRecordEventSchema } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { LessonEventsService } from './lesson-events.service';
import { ParseObjectIdPipe } from '../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../common/pipes/zod-validation.pipe';
import { ServiceTokenGuard } from './service-token.guard';

/** Media nodes report lesson record events here (service token, audience tongke-internal); not for browsers. */
@ApiTags('internal')
@ApiBearerAuth()
@UseGuards(ServiceTokenGuard)
@Controller('internal/live-sessions')
export class InternalEventsController {
  constructor(private readonly events: LessonEventsService) {}

  /** 201 once the event is stored. */
  @Post(':id/events')
  @ApiOperation({
    summary: 'Media node → API: store a lesson record event (idempotent by event id)',
    description:
      'Needs a media-node service token. The body is one of the `LessonRecordEvent` shapes in libs/contracts.',
  })
  @ApiBody({ schema: { type: 'object', description: 'LessonRecordEvent (zod-validated)' } })
  @ApiCreatedResponse({ description: 'Stored (or already stored)' })
  @ApiUnauthorizedResponse({ description: 'missing or invalid service token' })
  store(
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(lessonRecordEventSchema)) event: LessonRecordEvent,
  ): Promise<LessonRecordEventStored> {
    return this.events.store(id, event);
  }
}
