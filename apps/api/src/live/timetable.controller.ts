import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type TimetableEntry } from '@tongke/contracts';
import { Auth } from '../auth/auth.decorator';
import type { CommunityScope } from '../auth/community-scope';
import { ErrorBodyDto } from '../auth/dto/error-body.dto';
import { Scope } from '../auth/scope.decorator';
import { TimetableEntryDto } from './dto/timetable-entry.dto';
import { TimetableQueryDto } from './dto/timetable.query';
import { TimetableService } from './timetable.service';

@ApiTags('timetable')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('communities/:communityId/timetable')
export class TimetableController {
  constructor(private readonly timetable: TimetableService) {}

  @Get()
  @Auth(
    Role.DISTRICT_ADMIN,
    Role.COMMUNITY_ADMIN,
    Role.SCHOOL_ADMIN,
    Role.TEACHER,
    Role.ASSISTANT,
    Role.RESEARCH_OFFICER,
    Role.TERMINAL,
  )
  @ApiOperation({
    summary: 'Week view (课表): lessons starting on the local days from..to, per teacher, classroom or school',
  })
  @ApiOkResponse({ type: TimetableEntryDto, isArray: true })
  list(@Scope() scope: CommunityScope, @Query() query: TimetableQueryDto): Promise<TimetableEntry[]> {
    return this.timetable.timetable(scope, query);
  }
}
