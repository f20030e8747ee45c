import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createTimedCommentSchema,
  saveEvaluationSchema,
  type CreateTimedCommentRequest,
  type EvaluationReportView,
  type EvaluationView,
  type RubricView,
  type TimedCommentView,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { EvaluationReportService } from './evaluation-report.service';
import { EvaluationsService } from './evaluations.service';
import { TimedCommentsService } from './timed-comments.service';

/** Observation and evaluation of a research activity (评课): readers of its group; others get 404. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not readable by the caller' })
@Controller('research/activities/:id')
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly comments: TimedCommentsService,
    private readonly reports: EvaluationReportService,
  ) {}

  @Get('evaluations')
  @Auth()
  @ApiOperation({ summary: 'The submitted evaluations and the caller’s draft' })
  @ApiOkResponse({ description: 'EvaluationView[]' })
  list(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<EvaluationView[]> {
    return this.evaluations.list(user, id);
  }

  @Put('evaluations/mine')
  @Auth()
  @ApiOperation({
    summary: 'Save (and optionally submit) the caller’s scores against the activity’s rubric',
    description: 'The lesson’s teacher may not evaluate it (403).',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The caller teaches the lesson' })
  @ApiBody({ schema: zodBodySchema(saveEvaluationSchema) })
  @ApiOkResponse({ description: 'EvaluationView' })
  saveMine(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(saveEvaluationSchema)) body: z.output<typeof saveEvaluationSchema>,
  ): Promise<EvaluationView> {
    return this.evaluations.saveMine(user, id, body);
  }

  @Get('rubric')
  @Auth()
  @ApiOperation({ summary: 'The activity’s rubric (`default`: the built-in one), for whoever may read the activity' })
  @ApiOkResponse({ description: 'RubricView' })
  rubric(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<RubricView> {
    return this.evaluations.rubric(user, id);
  }

  @Get('comments')
  @Auth()
  @ApiOperation({ summary: 'Timestamped comments, by second into the lesson' })
  @ApiOkResponse({ description: 'TimedCommentView[]' })
  listComments(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
  ): Promise<TimedCommentView[]> {
    return this.comments.list(user, id);
  }

  @Post('comments')
  @Auth()
  @ApiOperation({
    summary: 'Comment at a second of the lesson',
    description:
      'While the activity’s session is live the server times the comment (seconds since it started; `atS` is ignored); ' +
      'otherwise `atS` is the recording’s player time (required, within the recording’s length when known).',
  })
  @ApiBody({ schema: zodBodySchema(createTimedCommentSchema) })
  @ApiOkResponse({ description: 'TimedCommentView' })
  comment(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(createTimedCommentSchema)) body: CreateTimedCommentRequest,
  ): Promise<TimedCommentView> {
    return this.comments.create(user, id, body);
  }

  @Get('report')
  @Auth()
  @ApiOperation({ summary: 'The evaluation report over submitted evaluations (per dimension, total, comments)' })
  @ApiOkResponse({ description: 'EvaluationReportView' })
  report(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<EvaluationReportView> {
    return this.reports.report(user, id);
  }
}
