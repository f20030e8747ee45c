import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import type { TermView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { COMMUNITY_ADMIN_ROLES, MEMBER_ROLES } from '../../org/shared/org-roles';
import { CreateTermDto } from './dto/create-term.dto';
import { TermViewDto } from './dto/term-view.dto';
import { UpdateTermDto } from './dto/update-term.dto';
import { TermsService } from './terms.service';

@ApiTags('schedule')
@ApiBadRequestResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('communities/:communityId/terms')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'Terms (学期) of the community, by start date' })
  @ApiOkResponse({ type: TermViewDto, isArray: true })
  list(@Scope() scope: CommunityScope): Promise<TermView[]> {
    return this.terms.list(scope);
  }

  @Post()
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Create a term with its holidays and makeup days (调休)' })
  @ApiCreatedResponse({ type: TermViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'A term with this name exists' })
  create(@Scope() scope: CommunityScope, @Body() dto: CreateTermDto): Promise<TermView> {
    return this.terms.create(scope, dto);
  }

  @Get(':termId')
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'One term' })
  @ApiOkResponse({ type: TermViewDto })
  get(@Scope() scope: CommunityScope, @Param('termId', ParseObjectIdPipe) termId: Types.ObjectId): Promise<TermView> {
    return this.terms.get(scope, termId);
  }

  @Patch(':termId')
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change a term; new holidays cancel future lessons, removed ones restore them' })
  @ApiOkResponse({ type: TermViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Duplicate name, or new dates cut a schedule off' })
  update(
    @Scope() scope: CommunityScope,
    @Param('termId', ParseObjectIdPipe) termId: Types.ObjectId,
    @Body() dto: UpdateTermDto,
  ): Promise<TermView> {
    return this.terms.update(scope, termId, dto);
  }

  @Delete(':termId')
  @HttpCode(204)
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Delete a term that no course schedule uses' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Course schedules still use the term' })
  remove(@Scope() scope: CommunityScope, @Param('termId', ParseObjectIdPipe) termId: Types.ObjectId): Promise<void> {
    return this.terms.remove(scope, termId);
  }
}
