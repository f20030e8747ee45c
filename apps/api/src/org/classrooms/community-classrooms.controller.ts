import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { ClassroomView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { MEMBER_ROLES, SCHOOL_ADMIN_ROLES } from '../shared/org-roles';
import { ClassroomAdminService } from './classroom-admin.service';
import { ClassroomViewDto } from './dto/classroom-view.dto';
import { CreateClassroomDto } from './dto/create-classroom.dto';
import { ListClassroomsQuery } from './dto/list-classrooms.query';
import { UpdateClassroomDto } from './dto/update-classroom.dto';

@ApiTags('org')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such classroom in this community' })
@Controller('communities/:communityId/classrooms')
export class CommunityClassroomsController {
  constructor(private readonly classrooms: ClassroomAdminService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'Classrooms of the community (optionally of one school)' })
  @ApiOkResponse({ type: ClassroomViewDto, isArray: true })
  list(@Scope() scope: CommunityScope, @Query() query: ListClassroomsQuery): Promise<ClassroomView[]> {
    return this.classrooms.list(scope, query);
  }

  @Post()
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a classroom (community admin; a school admin at their school)' })
  @ApiCreatedResponse({ type: ClassroomViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the school has a classroom of that name' })
  create(@Scope() scope: CommunityScope, @Body() dto: CreateClassroomDto): Promise<ClassroomView> {
    return this.classrooms.create(scope, dto);
  }

  @Get(':classroomId')
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'One classroom' })
  @ApiOkResponse({ type: ClassroomViewDto })
  get(
    @Scope() scope: CommunityScope,
    @Param('classroomId', ParseObjectIdPipe) id: Types.ObjectId,
  ): Promise<ClassroomView> {
    return this.classrooms.get(scope, id);
  }

  @Patch(':classroomId')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change a classroom (community admin; a school admin at their school)' })
  @ApiOkResponse({ type: ClassroomViewDto })
  update(
    @Scope() scope: CommunityScope,
    @Param('classroomId', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: UpdateClassroomDto,
  ): Promise<ClassroomView> {
    return this.classrooms.update(scope, id, dto);
  }

  @Delete(':classroomId')
  @HttpCode(204)
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Delete an unused classroom (community admin; a school admin at their school)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: accounts or class groups still use it' })
  remove(@Scope() scope: CommunityScope, @Param('classroomId', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.classrooms.remove(scope, id);
  }
}
