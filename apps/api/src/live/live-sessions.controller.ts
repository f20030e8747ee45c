import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type JoinLessonResponse, type LessonRecordView, type LiveSessionView, Role } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../auth/auth.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { ErrorBodyDto } from '../auth/dto/error-body.dto';
import type { User } from '../org/schemas/user.schema';
import { CreateInstantLessonDto } from './dto/create-instant-lesson.dto';
import { JoinLessonDto } from './dto/join-lesson.dto';
import { JoinLessonResponseDto } from './dto/join-lesson-response.dto';
import { SetBroadcastDto } from './dto/set-broadcast.dto';
import { LessonRecordViewDto } from './dto/lesson-record-view.dto';
import { ListSessionsQuery } from './dto/list-sessions.query';
import { LiveSessionViewDto } from './dto/live-session-view.dto';
import { LessonBroadcastService } from './lesson-broadcast.service';
import { LessonJoinService } from './lesson-join.service';
import { LessonRecordService } from './lesson-record.service';
import { LiveSessionsService } from './live-sessions.service';
import { ParseObjectIdPipe } from '../common/pipes/parse-object-id.pipe';

@ApiTags('live')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('live-sessions')
export class LiveSessionsController {
  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly joins: LessonJoinService,
    private readonly records: LessonRecordService,
    private readonly broadcasts: LessonBroadcastService,
  ) {}

  @Post()
  @Auth(Role.TEACHER)
  @ApiOperation({ summary: 'Start an instant lesson (即时课堂) as its lead teacher' })
  @ApiCreatedResponse({ type: LiveSessionViewDto })
  create(@CurrentUser() user: User, @Body() dto: CreateInstantLessonDto): Promise<LiveSessionView> {
    return this.sessions.createInstant(user, dto);
  }

  @Get()
  @Auth()
  @ApiOperation({
    summary: 'Lessons the caller may see, newest first (at most 100)',
    description:
      "With broadcast=true: the community's broadcast lessons (名校网络课堂) the caller may watch " +
      '(POST …/watch while live), whoever leads or receives them; classroom terminals get none.',
  })
  @ApiOkResponse({ type: LiveSessionViewDto, isArray: true })
  list(@CurrentUser() user: User, @Query() query: ListSessionsQuery): Promise<LiveSessionView[]> {
    if (query.broadcast) return this.broadcasts.list(user, query.status);
    return this.sessions.list(user, query.status);
  }

  @Get('today')
  @Auth()
  @ApiOperation({
    summary: "Today's lessons (今日课堂) of the caller in the community's time zone, by start, any status",
  })
  @ApiOkResponse({ type: LiveSessionViewDto, isArray: true })
  today(@CurrentUser() user: User): Promise<LiveSessionView[]> {
    return this.sessions.today(user);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One lesson, with the role the caller would join with' })
  @ApiOkResponse({ type: LiveSessionViewDto })
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<LiveSessionView> {
    return this.sessions.get(user, id);
  }

  @Post(':id/join')
  @HttpCode(200)
  @Auth()
  @ApiOperation({ summary: 'Join a lesson: a join token (≤ 5 min) and the URL of the media node hosting it' })
  @ApiOkResponse({ type: JoinLessonResponseDto })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'LESSON_ENDED: ended, missed or cancelled' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: "LESSON_NOT_OPEN: a timetabled lesson's room opens later" })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'no media node is available' })
  join(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: JoinLessonDto,
  ): Promise<JoinLessonResponse> {
    return this.joins.join(user, id, dto.as);
  }

  @Post(':id/watch')
  @HttpCode(200)
  @Auth()
  @ApiOperation({
    summary: 'Watch a broadcast lesson (名校网络课堂): a view-only (viewer) join token and the media node URL',
    description: 'Any member of the community but classroom terminals, while the lesson is broadcast and live.',
  })
  @ApiOkResponse({ type: JoinLessonResponseDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN: the lesson is not broadcast, or a terminal' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'LESSON_ENDED: ended, missed or cancelled' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LESSON_NOT_OPEN: the lesson has not started yet' })
  watch(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<JoinLessonResponse> {
    return this.joins.watch(user, id);
  }

  @Patch(':id/broadcast')
  @Auth()
  @ApiOperation({ summary: 'Open or close the lesson to view-only audiences: its lead teacher or an admin' })
  @ApiOkResponse({ type: LiveSessionViewDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'not the lead teacher or an admin of the community' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'LESSON_ENDED: ended, missed or cancelled' })
  setBroadcast(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: SetBroadcastDto,
  ): Promise<LiveSessionView> {
    return this.broadcasts.setBroadcast(user, id, dto.broadcast);
  }

  @Get(':id/record')
  @Auth()
  @ApiOperation({ summary: 'What was kept with the lesson: attendance, chat, quizzes, whiteboard, notes, files' })
  @ApiOkResponse({ type: LessonRecordViewDto })
  record(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<LessonRecordView> {
    return this.records.record(user, id);
  }

  @Get(':id/files/:fileId')
  @Auth()
  @ApiOperation({ summary: 'Download a file shared in the lesson' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  file(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('fileId', ParseObjectIdPipe) fileId: Types.ObjectId,
  ): Promise<StreamableFile> {
    return this.records.download(user, id, fileId);
  }
}
