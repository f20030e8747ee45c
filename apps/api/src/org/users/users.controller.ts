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
import type { UserView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { SCHOOL_ADMIN_ROLES } from '../shared/org-roles';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserViewDto } from './dto/user-view.dto';
import { UsersService } from './users.service';

@ApiTags('org')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such account in this community' })
@Controller('communities/:communityId/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: "Accounts of the community (school admins: their school's)" })
  @ApiOkResponse({ type: UserViewDto, isArray: true })
  list(@Scope() scope: CommunityScope, @Query() query: ListUsersQuery): Promise<UserView[]> {
    return this.users.list(scope, query);
  }

  @Post()
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Create an account (school admins: teacher/assistant/terminal at their school)' })
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the username is taken' })
  create(@Scope() scope: CommunityScope, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(scope, dto);
  }

  @Get(':userId')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserViewDto })
  get(@Scope() scope: CommunityScope, @Param('userId', ParseObjectIdPipe) id: Types.ObjectId): Promise<UserView> {
    return this.users.get(scope, id);
  }

  @Patch(':userId')
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change an account; a new password or disabling signs it out everywhere' })
  @ApiOkResponse({ type: UserViewDto })
  update(
    @Scope() scope: CommunityScope,
    @Param('userId', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(scope, id, dto);
  }

  @Delete(':userId')
  @HttpCode(204)
  @Auth(...SCHOOL_ADMIN_ROLES)
  @ApiOperation({ summary: 'Disable an account (it stays for the records) and sign it out everywhere' })
  @ApiNoContentResponse()
  disable(@Scope() scope: CommunityScope, @Param('userId', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.users.disable(scope, id);
  }
}
