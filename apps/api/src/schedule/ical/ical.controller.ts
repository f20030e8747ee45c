import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type IcalLinkResponse, Role } from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { IcalLinkQuery } from './dto/ical-link.query';
import { IcalLinkResponseDto } from './dto/ical-link-response.dto';
import { IcalFeedsService } from './ical-feeds.service';

@ApiTags('schedule')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class IcalController {
  constructor(private readonly feeds: IcalFeedsService) {}

  @Get('communities/:communityId/ical-link')
  @Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN, Role.SCHOOL_ADMIN, Role.TEACHER, Role.TERMINAL, Role.ASSISTANT)
  @ApiOperation({ summary: "A private iCal subscription URL for a teacher's or a classroom's lessons" })
  @ApiOkResponse({ type: IcalLinkResponseDto })
  link(@Scope() scope: CommunityScope, @Query() query: IcalLinkQuery): Promise<IcalLinkResponse> {
    return this.feeds.link(scope, query);
  }

  /** No bearer token: the signed token in the path is the credential (and is kept out of the logs). */
  @Get('ical/:token.ics')
  @ApiOperation({ summary: 'The iCal feed behind a subscription URL: recent and future lessons' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar (RFC 5545), one event per lesson' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'Forged or tampered link' })
  feed(@Param('token') token: string): Promise<StreamableFile> {
    return this.feeds.feedFile(token);
  }
}
