import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CheckScheduleResponse, CourseScheduleView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { MEMBER_ROLES, SCHOOL_ADMIN_ROLES } from '../../org/shared/org-roles';
import { ParseCalendarDatePipe } from '../time/parse-calendar-date.pipe';
import { CourseSchedulesService } from './course-schedules.service';
import { CheckScheduleDto } from './dto/check-schedule.dto';
import { CheckScheduleResponseDto } from './dto/check-schedule-response.dto';
import { CourseScheduleViewDto } from './dto/course-schedule-view.dto';
import { CreateCourseScheduleDto } from './dto/create-course-schedule.dto';
import { CreateScheduleExceptionDto } from './dto/create-schedule-exception.dto';
import { ListSchedulesQuery } from './dto/list-schedules.query';
import { UpdateCourseScheduleDto } from './dto/update-course-schedule.dto';
import { ScheduleExceptionsService } from './schedule-exceptions.service';

const CONFLICT = {
  type: ErrorBodyDto,
  description: 'SCHEDULE_CONFLICT: `details` lists every ScheduleConflict; nothing is saved',
};

@ApiTags('schedule')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('communities/:communityId/schedules')
export class CourseSchedulesController {
  constructor(
    private readonly schedules: CourseSchedulesService,
    private readonly exceptions: ScheduleExceptionsService,
  ) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'Course schedules (课表), optionally of a term, a lead teacher or a receiving classroom' })
  @ApiOkResponse({ type: CourseScheduleViewDto, isArray: true })
  list(@Scope() scope: CommunityScope, @Query() query: ListSchedulesQuery): Promise<CourseScheduleView[]> {
    return this.schedules.list(scope, query);
  }

  @Post()
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Create a course schedule and materialise its future lessons (conflicts: 409)' })
  @ApiCreatedResponse({ type: CourseScheduleViewDto })
  @ApiConflictResponse(CONFLICT)
  create(@Scope() scope: CommunityScope, @Body() dto: CreateCourseScheduleDto): Promise<CourseScheduleView> {
    return this.schedules.create(scope, dto);
  }

  @Post('check')
  @HttpCode(200)
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'What saving this schedule would run into; saves nothing' })
  @ApiOkResponse({ type: CheckScheduleResponseDto })
  check(@Scope() scope: CommunityScope, @Body() dto: CheckScheduleDto): Promise<CheckScheduleResponse> {
    return this.schedules.check(scope, dto);
  }

  @Get(':scheduleId')
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'One course schedule' })
  @ApiOkResponse({ type: CourseScheduleViewDto })
  get(
    @Scope() scope: CommunityScope,
    @Param('scheduleId', ParseObjectIdPipe) scheduleId: Types.ObjectId,
  ): Promise<CourseScheduleView> {
    return this.schedules.get(scope, scheduleId);
  }

  @Patch(':scheduleId')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change a schedule: lessons not started yet follow; held lessons keep their record' })
  @ApiOkResponse({ type: CourseScheduleViewDto })
  @ApiConflictResponse(CONFLICT)
  update(
    @Scope() scope: CommunityScope,
    @Param('scheduleId', ParseObjectIdPipe) scheduleId: Types.ObjectId,
    @Body() dto: UpdateCourseScheduleDto,
  ): Promise<CourseScheduleView> {
    return this.schedules.update(scope, scheduleId, dto);
  }

  @Delete(':scheduleId')
  @HttpCode(204)
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Delete a schedule and its lessons that have not started' })
  @ApiNoContentResponse()
  remove(
    @Scope() scope: CommunityScope,
    @Param('scheduleId', ParseObjectIdPipe) scheduleId: Types.ObjectId,
  ): Promise<void> {
    return this.schedules.remove(scope, scheduleId);
  }

  @Post(':scheduleId/exceptions')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Cancel or move the lesson of one date (replaces an earlier exception of that date)' })
  @ApiCreatedResponse({ type: CourseScheduleViewDto })
  @ApiConflictResponse(CONFLICT)
  addException(
    @Scope() scope: CommunityScope,
    @Param('scheduleId', ParseObjectIdPipe) scheduleId: Types.ObjectId,
    @Body() dto: CreateScheduleExceptionDto,
  ): Promise<CourseScheduleView> {
    return this.exceptions.add(scope, scheduleId, dto);
  }

  @Delete(':scheduleId/exceptions/:date')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Undo the exception of one date: the lesson returns to its usual slot' })
  @ApiOkResponse({ type: CourseScheduleViewDto })
  @ApiConflictResponse(CONFLICT)
  removeException(
    @Scope() scope: CommunityScope,
    @Param('scheduleId', ParseObjectIdPipe) scheduleId: Types.ObjectId,
    @Param('date', ParseCalendarDatePipe) date: string,
  ): Promise<CourseScheduleView> {
    return this.exceptions.remove(scope, scheduleId, date);
  }
}
