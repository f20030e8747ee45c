import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type SeriesView, seriesSchema, updateSeriesSchema } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../../auth/auth.decorator';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';
import type { User } from '../../../org/schemas/user.schema';
import { zodBodySchema } from '../dto/zod-body.schema';
import { SeriesViewDto } from './dto/series-view.dto';
import { type CreateSeries, SeriesService, type UpdateSeries } from './series.service';

/** Members who put series together: teachers, research officers and the admins of a school or community. */
export const SERIES_AUTHOR_ROLES: Role[] = [
  Role.TEACHER,
  Role.RESEARCH_OFFICER,
  Role.SCHOOL_ADMIN,
  Role.COMMUNITY_ADMIN,
];

const NOT_YOURS = 'Visible, but not yours to change';

/** Series (课程专辑): ordered playlists of library resources. Series the caller may not see answer 404. */
@ApiTags('library')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not visible to the caller' })
@Controller('library/series')
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @Post()
  @Auth(...SERIES_AUTHOR_ROLES)
  @ApiOperation({ summary: 'Create a series in your community from resources you can see' })
  @ApiBody({ schema: zodBodySchema(seriesSchema) })
  @ApiCreatedResponse({ type: SeriesViewDto })
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(seriesSchema)) body: CreateSeries,
  ): Promise<SeriesView> {
    return this.series.create(user, body);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The series you can see, newest first (at most 200)' })
  @ApiOkResponse({ type: SeriesViewDto, isArray: true })
  list(@CurrentUser() user: User): Promise<SeriesView[]> {
    return this.series.list(user);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One series with the resources you can see, in order' })
  @ApiOkResponse({ type: SeriesViewDto })
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<SeriesView> {
    return this.series.get(user, id);
  }

  @Patch(':id')
  @Auth()
  @ApiOperation({ summary: 'Change a series (resourceIds replaces the list, in order)' })
  @ApiBody({ schema: zodBodySchema(updateSeriesSchema) })
  @ApiOkResponse({ type: SeriesViewDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  update(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(updateSeriesSchema)) body: UpdateSeries,
  ): Promise<SeriesView> {
    return this.series.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth()
  @ApiOperation({ summary: 'Delete a series (its resources stay)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  remove(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.series.remove(user, id);
  }
}
