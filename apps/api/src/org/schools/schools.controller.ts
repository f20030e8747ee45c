import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import type { SchoolView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { COMMUNITY_ADMIN_ROLES, MEMBER_ROLES } from '../shared/org-roles';
import { CreateSchoolDto } from './dto/create-school.dto';
import { SchoolViewDto } from './dto/school-view.dto';
import { UpdateSchoolDto } from './dto/update-school.dto';
import { SchoolsService } from './schools.service';

@ApiTags('org')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such school in this community' })
@Controller('communities/:communityId/schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'Schools of the community' })
  @ApiOkResponse({ type: SchoolViewDto, isArray: true })
  list(@Scope() scope: CommunityScope): Promise<SchoolView[]> {
    return this.schools.list(scope);
  }

  @Post()
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a school (district/community admin)' })
  @ApiCreatedResponse({ type: SchoolViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: a school of that name exists' })
  create(@Scope() scope: CommunityScope, @Body() dto: CreateSchoolDto): Promise<SchoolView> {
    return this.schools.create(scope, dto);
  }

  @Get(':schoolId')
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'One school' })
  @ApiOkResponse({ type: SchoolViewDto })
  get(@Scope() scope: CommunityScope, @Param('schoolId', ParseObjectIdPipe) id: Types.ObjectId): Promise<SchoolView> {
    return this.schools.get(scope, id);
  }

  @Patch(':schoolId')
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change a school (district/community admin)' })
  @ApiOkResponse({ type: SchoolViewDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'CONFLICT: duplicate name, or class groups outside a new stage',
  })
  update(
    @Scope() scope: CommunityScope,
    @Param('schoolId', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: UpdateSchoolDto,
  ): Promise<SchoolView> {
    return this.schools.update(scope, id, dto);
  }

  @Delete(':schoolId')
  @HttpCode(204)
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Delete a school with nothing left in it (district/community admin)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'CONFLICT: it still has classrooms, class groups, users or pairings',
  })
  remove(@Scope() scope: CommunityScope, @Param('schoolId', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.schools.remove(scope, id);
  }
}
