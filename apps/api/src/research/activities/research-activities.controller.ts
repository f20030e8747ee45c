import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createActivitySchema,
  reflectionSchema,
  type ResearchActivityView,
  startActivityLessonSchema,
  startMeetingSchema,
  updateActivitySchema,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import type { StartLessonBody } from './activity-session-links.service';
import { ActivityMeetings, type StartMeetingBody } from './activity-meetings.service';
import { ListActivitiesQuery } from './dto/list-activities.query';
import {
  type CreateActivityBody,
  type ReflectionBody,
  ResearchActivitiesService,
  type UpdateActivityBody,
} from './research-activities.service';

const VIEW = { description: 'ResearchActivityView (libs/contracts/src/research/research-activity.ts)' };
const MANAGERS = "Its teacher (host), the group lead and admins of the group's community (403 for other readers)";

/** Research activities (一课双研 / 网络教研). Activities of groups the caller may not read answer 404. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or its group is not readable by the caller' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'A reader who may not do this' })
@Controller('research/activities')
export class ResearchActivitiesController {
  constructor(
    private readonly activities: ResearchActivitiesService,
    private readonly meetings: ActivityMeetings,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "A group's activities, or those of every group the caller may read, by planned date" })
  @ApiOkResponse(VIEW)
  list(@CurrentUser() user: User, @Query() query: ListActivitiesQuery): Promise<ResearchActivityView[]> {
    return this.activities.list(user, query);
  }

  @Post()
  @Auth()
  @ApiOperation({ summary: 'Create an activity (group lead or member); its teacher must be a lead or member' })
  @ApiBody({ schema: zodBodySchema(createActivitySchema) })
  @ApiCreatedResponse(VIEW)
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(createActivitySchema)) body: CreateActivityBody,
  ): Promise<ResearchActivityView> {
    return this.activities.create(user, body);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One activity with its stage timeline' })
  @ApiOkResponse(VIEW)
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<ResearchActivityView> {
    return this.activities.get(user, id);
  }

  @Patch(':id')
  @Auth()
  @ApiOperation({ summary: 'Link the plan, the lesson, the rubric; move the date', description: MANAGERS })
  @ApiBody({ schema: zodBodySchema(updateActivitySchema) })
  @ApiOkResponse(VIEW)
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'A new rubric once evaluated, or another session (or none) once observed on its session',
  })
  update(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(updateActivitySchema)) body: UpdateActivityBody,
  ): Promise<ResearchActivityView> {
    return this.activities.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth()
  @ApiOperation({
    summary: 'Delete an activity nobody has submitted an evaluation of, with its timed comments and drafts',
    description: MANAGERS,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'It has submitted evaluations' })
  remove(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.activities.remove(user, id);
  }

  @Put(':id/reflection')
  @Auth()
  @ApiOperation({ summary: '课后返研: save the reflection (its teacher or the group lead)' })
  @ApiBody({ schema: zodBodySchema(reflectionSchema) })
  @ApiOkResponse(VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: '`baseAt` is not the stored reflection’s time' })
  reflect(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(reflectionSchema)) body: ReflectionBody,
  ): Promise<ResearchActivityView> {
    return this.activities.reflect(user, id, body);
  }

  @Post(':id/lesson')
  @Auth()
  @ApiOperation({
    summary: "The activity's teacher starts its lesson now (an instant lesson to the classrooms) and links it",
    description:
      'Group members observe it with POST /api/live-sessions/{id}/join {as: "observer"}. While its linked ' +
      'session is still scheduled or live, answers the activity with that session (no second one).',
  })
  @ApiBody({ schema: zodBodySchema(startActivityLessonSchema) })
  @ApiCreatedResponse(VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'It was observed on an earlier session' })
  startLesson(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(startActivityLessonSchema)) body: StartLessonBody,
  ): Promise<ResearchActivityView> {
    return this.activities.startLesson(user, id, body);
  }

  @Post(':id/meeting')
  @Auth()
  @ApiOperation({
    summary: '网络教研: a group lead or member opens the online meeting (kind meeting) and links it',
    description: 'While its linked meeting is still scheduled or live, answers the activity with it (no second one).',
  })
  @ApiBody({ schema: zodBodySchema(startMeetingSchema) })
  @ApiCreatedResponse(VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'It was observed on an earlier session' })
  startMeeting(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(startMeetingSchema)) body: StartMeetingBody,
  ): Promise<ResearchActivityView> {
    return this.meetings.start(user, id, body);
  }
}
