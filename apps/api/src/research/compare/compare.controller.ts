import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { compareQuerySchema, type CompareView } from '@tongke/contracts';
import type { z } from 'zod';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import type { User } from '../../org/schemas/user.schema';
import { CompareService } from './compare.service';

/** 同课异构: lessons on the same topic side by side. */
@ApiTags('research')
@Controller('research/compare')
export class CompareController {
  constructor(private readonly compare: CompareService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Compare 2-4 research activities: activity, plan (view + content) and report each' })
  @ApiQuery({ name: 'activityIds', description: 'comma-separated activity ids (2-4)', required: true })
  @ApiOkResponse({ description: 'CompareView' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Not 2-4 ids' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'An activity the caller may not read' })
  get(
    @CurrentUser() user: User,
    @Query(new ZodValidationPipe(compareQuerySchema)) query: z.output<typeof compareQuerySchema>,
  ): Promise<CompareView> {
    return this.compare.compare(user, query.activityIds);
  }
}
