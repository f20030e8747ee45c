import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BellScheduleView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { MEMBER_ROLES, SCHOOL_ADMIN_ROLES } from '../../org/shared/org-roles';
import { BellSchedulesService } from './bell-schedules.service';
import { BellScheduleViewDto } from './dto/bell-schedule-view.dto';
import { PutBellScheduleDto } from './dto/put-bell-schedule.dto';

@ApiTags('schedule')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such school in the community' })
@Controller('communities/:communityId/schools/:schoolId/bell-schedule')
export class BellSchedulesController {
  constructor(private readonly bells: BellSchedulesService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: "A school's bell schedule (作息时间表); no periods when it has none" })
  @ApiOkResponse({ type: BellScheduleViewDto })
  get(
    @Scope() scope: CommunityScope,
    @Param('schoolId', ParseObjectIdPipe) schoolId: Types.ObjectId,
  ): Promise<BellScheduleView> {
    return this.bells.get(scope, schoolId);
  }

  @Put()
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: "Set a school's bell schedule (community admins, or the school's admin); [] clears it" })
  @ApiOkResponse({ type: BellScheduleViewDto })
  put(
    @Scope() scope: CommunityScope,
    @Param('schoolId', ParseObjectIdPipe) schoolId: Types.ObjectId,
    @Body() dto: PutBellScheduleDto,
  ): Promise<BellScheduleView> {
    return this.bells.put(scope, schoolId, dto.periods);
  }
}
