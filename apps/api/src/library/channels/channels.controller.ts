import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  addProgrammeSchema,
  type ChannelView,
  createChannelSchema,
  type ProgrammeEntryView,
  type ProgrammeGuideView,
  type UpdateChannelRequest,
  updateChannelSchema,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { COMMUNITY_ADMIN_ROLES } from '../../org/shared/org-roles';
import type { User } from '../../org/schemas/user.schema';
import { zodBodySchema } from '../resources/dto/zod-body.schema';
import { type CreateChannelBody, ChannelsService } from './channels.service';
import { ChannelViewDto } from './dto/channel-view.dto';
import { ProgrammeConflictDto } from './dto/programme-conflict.dto';
import { ProgrammeEntryViewDto } from './dto/programme-entry-view.dto';
import { ProgrammeGuideQueryDto } from './dto/programme-guide.query';
import { ProgrammeGuideViewDto } from './dto/programme-guide-view.dto';
import { LiveStreamService } from './live/live-stream.service';
import { type AddProgrammeBody, ProgrammeService } from './programme.service';

const MANAGERS = 'Community admins of its community and district admins of its district (403 otherwise)';

/** Rebroadcast channels (空中云课堂). Channels the caller may not watch answer 404. */
@ApiTags('library')
@ApiExtraModels(ProgrammeConflictDto)
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not visible to the caller' })
@Controller('library/channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly programme: ProgrammeService,
    private readonly live: LiveStreamService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The channels the caller may watch, with what plays now and next' })
  @ApiOkResponse({ type: ChannelViewDto, isArray: true })
  list(@CurrentUser() user: User): Promise<ChannelView[]> {
    return this.channels.list(user);
  }

  @Post()
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Create a channel (district admins name the community)', description: MANAGERS })
  @ApiBody({ schema: zodBodySchema(createChannelSchema) })
  @ApiCreatedResponse({ type: ChannelViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The community has a channel with this name' })
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(createChannelSchema)) body: CreateChannelBody,
  ): Promise<ChannelView> {
    return this.channels.create(user, body);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One channel: what plays now and next, and its signed live playlist link' })
  @ApiOkResponse({ type: ChannelViewDto })
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<ChannelView> {
    return this.channels.get(user, id);
  }

  @Patch(':id')
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Rename, describe or change who may watch', description: MANAGERS })
  @ApiBody({ schema: zodBodySchema(updateChannelSchema) })
  @ApiOkResponse({ type: ChannelViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Duplicate name, or upcoming programmes too private' })
  update(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(updateChannelSchema)) body: UpdateChannelRequest,
  ): Promise<ChannelView> {
    return this.channels.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Delete the channel and its programme', description: MANAGERS })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.channels.remove(user, id);
  }

  @Post(':id/programme')
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({
    summary: 'Schedule a ready resource, optionally every listed weekday for some weeks',
    description: `${MANAGERS}. All entries are added or none.`,
  })
  @ApiBody({ schema: zodBodySchema(addProgrammeSchema) })
  @ApiCreatedResponse({ type: ProgrammeEntryViewDto, isArray: true })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'SCHEDULE_CONFLICT: overlaps (`details`: ProgrammeConflict[]); NOT_READY: the resource is not ready',
  })
  addProgramme(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(addProgrammeSchema)) body: AddProgrammeBody,
  ): Promise<ProgrammeEntryView[]> {
    return this.programme.add(user, id, body);
  }

  @Delete(':id/programme/:entryId')
  @HttpCode(204)
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Remove an entry that has not aired (or cut the one on air)', description: MANAGERS })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The entry has already aired' })
  removeProgramme(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('entryId', ParseObjectIdPipe) entryId: Types.ObjectId,
  ): Promise<void> {
    return this.programme.remove(user, id, entryId);
  }

  @Get(':id/guide')
  @Auth()
  @ApiOperation({ summary: 'The programme guide of local days from..to (default: today and the next 6; ≤ 31)' })
  @ApiOkResponse({ type: ProgrammeGuideViewDto })
  guide(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Query() query: ProgrammeGuideQueryDto,
  ): Promise<ProgrammeGuideView> {
    return this.programme.guide(user, id, query);
  }

  /**
   * No bearer token (players can't send one): the signed token in the path (the channel view's
   * liveUrl, scope `channel:<id>`) is the credential; in the path, the request log redacts it.
   */
  @Get(':id/:token/live.m3u8')
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The live HLS media playlist (sliding window); 404 while nothing is on air' })
  @ApiProduces('application/vnd.apple.mpegurl')
  @ApiOkResponse({ description: 'An HLS media playlist whose segments are signed library media links' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Forged or expired link' })
  livePlaylist(
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('token') token: string,
  ): Promise<StreamableFile> {
    return this.live.playlistFile(id, token);
  }
}
