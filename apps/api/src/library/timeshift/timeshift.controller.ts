import { Controller, Get, Header, Param, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { TimeshiftView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import type { User } from '../../org/schemas/user.schema';
import { TimeshiftViewDto } from './dto/timeshift-view.dto';
import { TimeshiftService } from './timeshift.service';

@ApiTags('live')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('live-sessions')
export class TimeshiftController {
  constructor(private readonly timeshift: TimeshiftService) {}

  @Get(':id/timeshift')
  @Auth()
  @ApiOperation({ summary: "Watch a lesson in progress from its start (time-shift): the recording's HLS playlist" })
  @ApiOkResponse({ type: TimeshiftViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOT_READY: nothing of the lesson is playable yet' })
  view(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<TimeshiftView> {
    return this.timeshift.view(user, id);
  }

  /** No bearer token: the signed token in the path is the credential (players can't send headers). */
  @Get(':id/timeshift/:token/index.m3u8')
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The time-shift HLS EVENT playlist (signed link); ends once the lesson has' })
  @ApiProduces('application/vnd.apple.mpegurl')
  @ApiOkResponse({ description: 'HLS EVENT playlist of MPEG-TS chunks' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Invalid or expired link' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOT_READY: the lesson has no recording' })
  playlist(@Param('id', ParseObjectIdPipe) id: Types.ObjectId, @Param('token') token: string): Promise<StreamableFile> {
    return this.timeshift.playlist(id, token);
  }

  @Get(':id/timeshift/:token/:chunk')
  @Header('Cache-Control', 'private, max-age=86400')
  @ApiOperation({ summary: 'One time-shift chunk (signed link)' })
  @ApiProduces('video/mp2t')
  @ApiOkResponse({ description: 'An MPEG-TS chunk' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Invalid or expired link' })
  chunk(
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('token') token: string,
    @Param('chunk') chunk: string,
  ): Promise<StreamableFile> {
    return this.timeshift.chunk(id, token, chunk);
  }
}
