import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type CommunityOverview, type CommunityView, Role } from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import type { User } from '../schemas/user.schema';
import { COMMUNITY_ADMIN_ROLES, MEMBER_ROLES } from '../shared/org-roles';
import { CommunitiesService } from './communities.service';
import { CommunityOverviewDto } from './dto/community-overview.dto';
import { CommunityViewDto } from './dto/community-view.dto';
import { CreateCommunityDto } from './dto/create-community.dto';
import { UpdateCommunityDto } from './dto/update-community.dto';

const COMMUNITY_ID = { name: 'communityId', description: 'Community (教共体) id' };

@ApiTags('org')
@Controller('communities')
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: "The caller's communities (district admins: every community of their district)" })
  @ApiOkResponse({ type: CommunityViewDto, isArray: true })
  list(@CurrentUser() user: User): Promise<CommunityView[]> {
    return this.communities.listFor(user);
  }

  @Post()
  @Auth(Role.DISTRICT_ADMIN)
  @ApiOperation({ summary: "Create a community in the district admin's district" })
  @ApiCreatedResponse({ type: CommunityViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the district has a community of that name' })
  create(@CurrentUser() user: User, @Body() dto: CreateCommunityDto): Promise<CommunityView> {
    return this.communities.create(user, dto);
  }

  @Get(':communityId')
  @Auth(...MEMBER_ROLES)
  @ApiParam(COMMUNITY_ID)
  @ApiOperation({ summary: 'One community with its school and classroom counts' })
  @ApiOkResponse({ type: CommunityViewDto })
  get(@Scope() scope: CommunityScope): Promise<CommunityView> {
    return this.communities.get(scope);
  }

  @Patch(':communityId')
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiParam(COMMUNITY_ID)
  @ApiOperation({ summary: 'Rename, change the kind or the lead school (district/community admin)' })
  @ApiOkResponse({ type: CommunityViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the district has a community of that name' })
  update(@Scope() scope: CommunityScope, @Body() dto: UpdateCommunityDto): Promise<CommunityView> {
    return this.communities.update(scope, dto);
  }

  @Get(':communityId/overview')
  @Auth(...MEMBER_ROLES)
  @ApiParam(COMMUNITY_ID)
  @ApiOperation({ summary: 'The community page: schools, pairings, classrooms and class groups at once' })
  @ApiOkResponse({ type: CommunityOverviewDto })
  overview(@Scope() scope: CommunityScope): Promise<CommunityOverview> {
    return this.communities.overview(scope);
  }
}
