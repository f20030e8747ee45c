import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LiveOpsView, Role } from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import type { User } from '../../org/schemas/user.schema';
import { LiveOpsQueryDto } from './dto/live-ops-query.dto';
import { LiveOpsViewDto } from './dto/live-ops-view.dto';
import { LiveOpsService } from './live-ops.service';

@ApiTags('insight')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('insight/live')
export class LiveOpsController {
  constructor(private readonly liveOps: LiveOpsService) {}

  @Get()
  @Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN, Role.SCHOOL_ADMIN)
  @ApiOperation({
    summary: 'Lessons live now in the caller’s scope: each classroom connected or not, with its link quality',
    description:
      'Bitrate, loss and RTT as the media nodes last reported them (left out when older than 15 s); ' +
      'notConnected counts the classrooms of live lessons whose terminal is not in the lesson.',
  })
  @ApiOkResponse({ type: LiveOpsViewDto })
  view(@CurrentUser() user: User, @Query() query: LiveOpsQueryDto): Promise<LiveOpsView> {
    return this.liveOps.viewFor(user, query);
  }
}
