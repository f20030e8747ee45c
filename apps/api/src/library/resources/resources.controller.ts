import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
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
import {
  type DownloadView,
  type PlaybackView,
  type ResourcePage,
  type ResourceView,
  type UpdateResourceRequest,
  updateResourceSchema,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import type { User } from '../../org/schemas/user.schema';
import { DownloadViewDto } from './dto/download-view.dto';
import { PlaybackViewDto } from './dto/playback-view.dto';
import { ResourcePageDto } from './dto/resource-page.dto';
import { ResourceSearchQueryDto } from './dto/resource-search.query';
import { ResourceViewDto } from './dto/resource-view.dto';
import { zodBodySchema } from './dto/zod-body.schema';
import { FavouritesService } from './favourites/favourites.service';
import { PlaybackService } from './playback/playback.service';
import { ResourcesService } from './resources.service';

const NOT_READY = 'NOT_READY: still processing, or processing failed';

/** The lesson library's resources. Resources the caller may not see answer 404. */
@ApiTags('library')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not visible to the caller' })
@Controller('library/resources')
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    private readonly playbacks: PlaybackService,
    private readonly favourites: FavouritesService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Search the library (Chinese word search, filters, newest or most viewed)' })
  @ApiOkResponse({ type: ResourcePageDto })
  search(@CurrentUser() user: User, @Query() query: ResourceSearchQueryDto): Promise<ResourcePage> {
    return this.resources.search(user, query);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One resource (poll it while it is processing)' })
  @ApiOkResponse({ type: ResourceViewDto })
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<ResourceView> {
    return this.resources.get(user, id);
  }

  @Patch(':id')
  @Auth()
  @ApiOperation({ summary: 'Change its metadata (its author, the admins of its school, community or district)' })
  @ApiBody({ schema: zodBodySchema(updateResourceSchema) })
  @ApiOkResponse({ type: ResourceViewDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Visible, but not yours to change' })
  update(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(updateResourceSchema)) body: UpdateResourceRequest,
  ): Promise<ResourceView> {
    return this.resources.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth()
  @ApiOperation({ summary: 'Delete it with its files, favourites and places in series' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Visible, but not yours to delete' })
  remove(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.resources.remove(user, id);
  }

  @Get(':id/playback')
  @Auth()
  @ApiOperation({ summary: 'Signed HLS/MP4/poster/thumbnail links; counts a view (once per user per half hour)' })
  @ApiOkResponse({ type: PlaybackViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: NOT_READY })
  playback(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<PlaybackView> {
    return this.playbacks.playback(user, id);
  }

  @Get(':id/download')
  @Auth()
  @ApiOperation({ summary: 'A signed MP4 download link; counts a download' })
  @ApiOkResponse({ type: DownloadViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: NOT_READY })
  download(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<DownloadView> {
    return this.playbacks.download(user, id);
  }

  @Put(':id/favourite')
  @Auth()
  @ApiOperation({ summary: 'Mark it as a favourite (收藏); idempotent' })
  @ApiOkResponse({ type: ResourceViewDto })
  favour(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<ResourceView> {
    return this.favourites.add(user, id);
  }

  @Delete(':id/favourite')
  @Auth()
  @ApiOperation({ summary: 'Unmark it; idempotent' })
  @ApiOkResponse({ type: ResourceViewDto })
  unfavour(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<ResourceView> {
    return this.favourites.remove(user, id);
  }
}
