import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  createGroupSchema,
  createMentorshipSchema,
  Role,
  setMemberSchema,
  updateGroupSchema,
  type GroupCandidateView,
  type ResearchGroupView,
  type SetMemberRequest,
  type UpdateGroupRequest,
} from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { zodBodySchema } from '../../library/resources/dto/zod-body.schema';
import type { User } from '../../org/schemas/user.schema';
import { toOptionalObjectId } from '../../org/shared/object-id';
import { CommunityQueryDto } from './dto/community-query.dto';
import { GroupCandidatesService } from './group-candidates.service';
import { type CreateMentorshipBody, GroupMembershipService } from './group-membership.service';
import { type CreateGroupBody, ResearchGroupsService } from './research-groups.service';

/** Who may create groups (and list the people who may join them). */
const CREATORS = [Role.TEACHER, Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN];
const GROUP_VIEW = { description: 'ResearchGroupView (contracts research-group.ts)' };
const MANAGERS = 'The group lead, community admins and district admins of its district (403 for other readers)';

/** 教研组 / 名师工作室. Groups the caller may not read answer 404. */
@ApiTags('research')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not readable by the caller' })
@Controller('research/groups')
export class ResearchGroupsController {
  constructor(
    private readonly groups: ResearchGroupsService,
    private readonly membership: GroupMembershipService,
    private readonly candidatesOf: GroupCandidatesService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The research groups the caller may read (members: theirs; admins, 教研员: all)' })
  @ApiOkResponse({ ...GROUP_VIEW, isArray: true })
  list(@CurrentUser() user: User, @Query() query: CommunityQueryDto): Promise<ResearchGroupView[]> {
    return this.groups.list(user, toOptionalObjectId(query.communityId));
  }

  @Get('candidates')
  @Auth(...CREATORS)
  @ApiOperation({ summary: 'The people of the community’s district who may join its research groups (member pickers)' })
  @ApiOkResponse({ description: 'GroupCandidateView[] (contracts research-group.ts)' })
  candidates(@CurrentUser() user: User, @Query() query: CommunityQueryDto): Promise<GroupCandidateView[]> {
    return this.candidatesOf.list(user, toOptionalObjectId(query.communityId));
  }

  @Post()
  @Auth(...CREATORS)
  @ApiOperation({ summary: 'Create a group; the creator leads it unless an admin names leadId' })
  @ApiBody({ schema: zodBodySchema(createGroupSchema) })
  @ApiCreatedResponse(GROUP_VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The community has a group with this name' })
  create(
    @CurrentUser() user: User,
    @Query() query: CommunityQueryDto,
    @Body(new ZodValidationPipe(createGroupSchema)) body: CreateGroupBody,
  ): Promise<ResearchGroupView> {
    return this.groups.create(user, body, toOptionalObjectId(query.communityId));
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One group with its members and mentorships' })
  @ApiOkResponse(GROUP_VIEW)
  get(@CurrentUser() user: User, @Param('id', ParseObjectIdPipe) id: Types.ObjectId): Promise<ResearchGroupView> {
    return this.groups.get(user, id);
  }

  @Patch(':id')
  @Auth()
  @ApiOperation({ summary: 'Change the group’s details or hand the lead to another user', description: MANAGERS })
  @ApiBody({ schema: zodBodySchema(updateGroupSchema) })
  @ApiOkResponse(GROUP_VIEW)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(updateGroupSchema)) body: UpdateGroupRequest,
  ): Promise<ResearchGroupView> {
    return this.groups.update(user, id, body);
  }

  @Put(':id/members/:userId')
  @Auth()
  @ApiOperation({ summary: 'Add a member or change their role (member/observer)', description: MANAGERS })
  @ApiBody({ schema: zodBodySchema(setMemberSchema) })
  @ApiOkResponse(GROUP_VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The lead’s role is changed by naming another lead' })
  setMember(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('userId', ParseObjectIdPipe) userId: Types.ObjectId,
    @Body(new ZodValidationPipe(setMemberSchema)) body: SetMemberRequest,
  ): Promise<ResearchGroupView> {
    return this.membership.setMember(user, id, userId, body);
  }

  @Delete(':id/members/:userId')
  @Auth()
  @ApiOperation({ summary: 'Remove a member (and their mentorships)', description: MANAGERS })
  @ApiOkResponse(GROUP_VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The lead cannot be removed' })
  removeMember(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('userId', ParseObjectIdPipe) userId: Types.ObjectId,
  ): Promise<ResearchGroupView> {
    return this.membership.removeMember(user, id, userId);
  }

  @Post(':id/mentorships')
  @Auth()
  @ApiOperation({ summary: '师徒结对 between two members of the group', description: MANAGERS })
  @ApiBody({ schema: zodBodySchema(createMentorshipSchema) })
  @ApiCreatedResponse(GROUP_VIEW)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The pair exists already' })
  addMentorship(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Body(new ZodValidationPipe(createMentorshipSchema)) body: CreateMentorshipBody,
  ): Promise<ResearchGroupView> {
    return this.membership.addMentorship(user, id, body);
  }

  @Delete(':id/mentorships/:mentorshipId')
  @Auth()
  @ApiOperation({ summary: 'End a mentorship', description: MANAGERS })
  @ApiOkResponse(GROUP_VIEW)
  removeMentorship(
    @CurrentUser() user: User,
    @Param('id', ParseObjectIdPipe) id: Types.ObjectId,
    @Param('mentorshipId', ParseObjectIdPipe) mentorshipId: Types.ObjectId,
  ): Promise<ResearchGroupView> {
    return this.membership.removeMentorship(user, id, mentorshipId);
  }
}
