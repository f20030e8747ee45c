import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createRubricSchema, type RubricView } from '@tongke/contracts';
import type { z } from 'zod';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { RubricsService } from './rubrics.service';

/** 课堂教学评价表: the built-in rubric (`default`) and the community's own. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or of another community' })
@Controller('research/rubrics')
export class RubricsController {
  constructor(private readonly rubrics: RubricsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The built-in rubric and the community’s rubrics' })
  @ApiOkResponse({ description: 'RubricView[]' })
  list(@CurrentUser() user: User): Promise<RubricView[]> {
    return this.rubrics.list(user);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One rubric (`default` is the built-in one)' })
  @ApiOkResponse({ description: 'RubricView' })
  get(@CurrentUser() user: User, @Param('id') id: string): Promise<RubricView> {
    return this.rubrics.get(user, id);
  }

  @Post()
  @Auth()
  @ApiOperation({ summary: 'Add a rubric (community admins, research officers, research group leads)' })
  @ApiBody({ schema: zodBodySchema(createRubricSchema) })
  @ApiOkResponse({ description: 'RubricView' })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(createRubricSchema)) body: z.output<typeof createRubricSchema>,
  ): Promise<RubricView> {
    return this.rubrics.create(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth()
  @ApiOperation({ summary: 'Delete a rubric (its creator, community admins) while no evaluation uses it' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: evaluations use it' })
  remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.rubrics.remove(user, id);
  }
}
