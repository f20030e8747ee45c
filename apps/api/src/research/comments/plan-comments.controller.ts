import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createCommentSchema,
  replyCommentSchema,
  resolveCommentSchema,
  type PlanCommentView,
  type ReplyCommentRequest,
  type ResolveCommentRequest,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { type CreateCommentBody, PlanCommentsService } from './plan-comments.service';

const COMMENT_VIEW = { description: 'PlanCommentView (contracts lesson-plan.ts)' };

/** Inline comments on a lesson plan: every reader of the plan (group observers too) may comment. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown plan or comment, or a plan the caller may not read' })
@Controller('research/plans/:id/comments')
export class PlanCommentsController {
  constructor(private readonly comments: PlanCommentsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The plan’s comments with their replies' })
  @ApiOkResponse({ ...COMMENT_VIEW, isArray: true })
  list(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<PlanCommentView[]> {
    return this.comments.list(user, id);
  }

  @Post()
  @Auth()
  @ApiOperation({ summary: 'Comment on a range of a section (anchors: base64 Yjs relative positions)' })
  @ApiBody({ schema: zodBodySchema(createCommentSchema) })
  @ApiCreatedResponse(COMMENT_VIEW)
  create(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(createCommentSchema)) body: CreateCommentBody,
  ): Promise<PlanCommentView> {
    return this.comments.create(user, id, body);
  }

  @Post(':commentId/replies')
  @Auth()
  @ApiOperation({ summary: 'Reply to a comment' })
  @ApiBody({ schema: zodBodySchema(replyCommentSchema) })
  @ApiCreatedResponse(COMMENT_VIEW)
  reply(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('commentId', ParseObjectIdPipe) commentId: Types.ObjectId,
    @Body(new ZodValidationPipe(replyCommentSchema)) body: ReplyCommentRequest,
  ): Promise<PlanCommentView> {
    return this.comments.reply(user, id, commentId, body);
  }

  @Patch(':commentId')
  @Auth()
  @ApiOperation({ summary: 'Resolve or reopen a comment (its author or the plan’s editors)' })
  @ApiBody({ schema: zodBodySchema(resolveCommentSchema) })
  @ApiOkResponse(COMMENT_VIEW)
  resolve(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('commentId', ParseObjectIdPipe) commentId: Types.ObjectId,
    @Body(new ZodValidationPipe(resolveCommentSchema)) body: ResolveCommentRequest,
  ): Promise<PlanCommentView> {
    return this.comments.resolve(user, id, commentId, body);
  }
}
