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
import type { ClassGroupView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { MEMBER_ROLES, SCHOOL_ADMIN_ROLES } from '../shared/org-roles';
import { ClassGroupsService } from './class-groups.service';
import { ClassGroupViewDto } from './dto/class-group-view.dto';
import { CreateClassGroupDto } from './dto/create-class-group.dto';
import { ListClassGroupsQuery } from './dto/list-class-groups.query';
import { UpdateClassGroupDto } from './dto/update-class-group.dto';

@ApiTags('org')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such class group in this community' })
@Controller('communities/:communityId/class-groups')
export class ClassGroupsController {
  constructor(private readonly classGroups: ClassGroupsService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'Class groups (班级) of the community, by grade and number' })
  @ApiOkResponse({ type: ClassGroupViewDto, isArray: true })
  list(@Scope() scope: CommunityScope, @Query() query: ListClassGroupsQuery): Promise<ClassGroupView[]> {
    return this.classGroups.list(scope, query);
  }

  @Post()
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a class group (community admin; a school admin at their school)' })
  @ApiCreatedResponse({ type: ClassGroupViewDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'CONFLICT: the school already has that grade and class number',
  })
  create(@Scope() scope: CommunityScope, @Body() dto: CreateClassGroupDto): Promise<ClassGroupView> {
    return this.classGroups.create(scope, dto);
  }

  @Patch(':classGroupId')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change a class group (community admin; a school admin at their school)' })
  @ApiOkResponse({ type: ClassGroupViewDto })
  update(
    @Scope() scope: CommunityScope,
    @Param('classGroupId', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: UpdateClassGroupDto,
  ): Promise<ClassGroupView> {
    return this.classGroups.update(scope, id, dto);
  }

  @Delete(':classGroupId')
  @HttpCode(204)
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Delete a class group (community admin; a school admin at their school)' })
  @ApiNoContentResponse()
  remove(@Scope() scope: CommunityScope, @Param('classGroupId', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.classGroups.remove(scope, id);
  }
}
