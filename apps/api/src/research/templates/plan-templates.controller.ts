import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createTemplateSchema, type CreateTemplateRequest, type PlanTemplateView } from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { toOptionalObjectId } from '../../org/shared/object-id';
import { TemplateQueryDto } from './dto/template-query.dto';
import { PlanTemplatesService } from './plan-templates.service';

const TEMPLATE_VIEW = { description: 'PlanTemplateView (contracts lesson-plan.ts)' };

/** Lesson plan templates: built in per subject, or saved by a group from one of its plans. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or its group is not readable by the caller' })
@Controller('research/templates')
export class PlanTemplatesController {
  constructor(private readonly templates: PlanTemplatesService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Built-in templates (of a subject and the general one), and a group’s saved ones' })
  @ApiOkResponse({ ...TEMPLATE_VIEW, isArray: true })
  list(@CurrentUser() user: User, @Query() query: TemplateQueryDto): Promise<PlanTemplateView[]> {
    return this.templates.list(user, query.subject, toOptionalObjectId(query.groupId));
  }

  @Post()
  @Auth()
  @ApiOperation({ summary: 'Save a plan’s current content as a template of its group (its lead and members)' })
  @ApiBody({ schema: zodBodySchema(createTemplateSchema) })
  @ApiCreatedResponse(TEMPLATE_VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The group has a template with this name' })
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(createTemplateSchema)) body: CreateTemplateRequest,
  ): Promise<PlanTemplateView> {
    return this.templates.create(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth()
  @ApiOperation({ summary: 'Delete a group’s saved template (its lead and members; built-in ones: 400)' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.templates.remove(user, id);
  }
}
