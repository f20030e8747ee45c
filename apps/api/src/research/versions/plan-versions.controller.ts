import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createVersionSchema,
  type CreateVersionRequest,
  type PlanVersionPreview,
  type PlanVersionRestoreResult,
  type PlanVersionView,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { PlanVersionPreviewDto } from './dto/plan-version-preview.dto';
import { PlanVersionRestoreResultDto } from './dto/plan-version-restore-result.dto';
import { PlanVersionViewDto } from './dto/plan-version-view.dto';
import { PlanVersionsService } from './plan-versions.service';

const EDITORS = 'The group lead and members (403 for other readers)';

/** Version history of a lesson plan. Plans the caller may not read answer 404. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown plan or version, or not visible to the caller' })
@Controller('research/plans/:id/versions')
export class PlanVersionsController {
  constructor(private readonly versions: PlanVersionsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "The plan's versions, newest first" })
  @ApiOkResponse({ type: PlanVersionViewDto, isArray: true })
  list(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<PlanVersionView[]> {
    return this.versions.list(user, id);
  }

  @Post()
  @Auth()
  @ApiOperation({ summary: 'Save the current content as a named version', description: EDITORS })
  @ApiBody({ schema: zodBodySchema(createVersionSchema) })
  @ApiCreatedResponse({ type: PlanVersionViewDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: EDITORS })
  create(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(createVersionSchema)) body: CreateVersionRequest,
  ): Promise<PlanVersionView> {
    return this.versions.create(user, id, body.name);
  }

  @Get(':versionId')
  @Auth()
  @ApiOperation({ summary: "A version's content (preview)" })
  @ApiOkResponse({ type: PlanVersionPreviewDto })
  preview(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('versionId', ParseObjectIdPipe) versionId: Types.ObjectId,
  ): Promise<PlanVersionPreview> {
    return this.versions.preview(user, id, versionId);
  }

  @Post(':versionId/restore')
  @Auth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Restore a version into the live document (every open editor follows)',
    description: `${EDITORS}. The state before is saved as a before-restore version first.`,
  })
  @ApiOkResponse({ type: PlanVersionRestoreResultDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: EDITORS })
  restore(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('versionId', ParseObjectIdPipe) versionId: Types.ObjectId,
  ): Promise<PlanVersionRestoreResult> {
    return this.versions.restore(user, id, versionId);
  }
}
