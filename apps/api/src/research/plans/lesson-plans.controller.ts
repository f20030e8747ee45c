import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  createPlanSchema,
  updatePlanSchema,
  type LessonPlanView,
  type PlanChecksView,
  type UpdatePlanRequest,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { toObjectId } from '../../org/shared/object-id';
import { PlanListQueryDto } from './dto/plan-list-query.dto';
import { type CreatePlanBody, LessonPlansService } from './lesson-plans.service';

const PLAN_VIEW = { description: 'LessonPlanView (contracts lesson-plan.ts)' };
const EDITORS = 'The group lead and members (403 for observers and admins who are not members)';

/** Lesson plans of research groups (教案). Plans of groups the caller may not read answer 404. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not readable by the caller' })
@Controller('research/plans')
export class LessonPlansController {
  constructor(private readonly plans: LessonPlansService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The plans of a group the caller may read' })
  @ApiOkResponse({ ...PLAN_VIEW, isArray: true })
  list(@CurrentUser() user: User, @Query() query: PlanListQueryDto): Promise<LessonPlanView[]> {
    return this.plans.list(user, toObjectId(query.groupId));
  }

  @Post()
  @Auth()
  @ApiOperation({ summary: 'A new plan: empty, from a template, or a copy of a readable plan', description: EDITORS })
  @ApiBody({ schema: zodBodySchema(createPlanSchema) })
  @ApiCreatedResponse(PLAN_VIEW)
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(createPlanSchema)) body: CreatePlanBody,
  ): Promise<LessonPlanView> {
    return this.plans.create(user, body);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One plan’s metadata and the caller’s access (the content is on /collab)' })
  @ApiOkResponse(PLAN_VIEW)
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<LessonPlanView> {
    return this.plans.get(user, id);
  }

  @Patch(':id')
  @Auth()
  @ApiOperation({ summary: 'Change the plan’s metadata', description: EDITORS })
  @ApiBody({ schema: zodBodySchema(updatePlanSchema) })
  @ApiOkResponse(PLAN_VIEW)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(updatePlanSchema)) body: UpdatePlanRequest,
  ): Promise<LessonPlanView> {
    return this.plans.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth()
  @ApiOperation({ summary: 'Delete the plan, its document and comments (its author or the group lead)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'A research activity links it' })
  remove(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.plans.remove(user, id);
  }

  @Get(':id/checks')
  @Auth()
  @ApiOperation({ summary: 'Rule checks on the current content: homework time (双减) and process minutes' })
  @ApiOkResponse({ description: 'PlanChecksView (contracts lesson-plan.ts)' })
  checks(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<PlanChecksView> {
    return this.plans.checks(user, id);
  }

  @Get(':id/export.docx')
  @Auth()
  @ApiOperation({ summary: 'The plan as a Word document' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOkResponse({ description: 'The DOCX file (Content-Disposition names it after the plan’s title)' })
  exportDocx(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<StreamableFile> {
    return this.plans.exportFile(user, id);
  }
}
