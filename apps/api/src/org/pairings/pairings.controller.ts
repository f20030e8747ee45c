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
import type { PairingView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { ErrorBodyDto } from '../../auth/dto/error-body.dto';
import { Scope } from '../../auth/scope.decorator';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { COMMUNITY_ADMIN_ROLES, MEMBER_ROLES } from '../shared/org-roles';
import { CreatePairingDto } from './dto/create-pairing.dto';
import { PairingViewDto } from './dto/pairing-view.dto';
import { UpdatePairingDto } from './dto/update-pairing.dto';
import { PairingsService } from './pairings.service';

@ApiTags('org')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such pairing in this community' })
@Controller('communities/:communityId/pairings')
export class PairingsController {
  constructor(private readonly pairings: PairingsService) {}

  @Get()
  @Auth(...MEMBER_ROLES)
  @ApiOperation({ summary: 'Pairings (结对) of the community' })
  @ApiOkResponse({ type: PairingViewDto, isArray: true })
  list(@Scope() scope: CommunityScope): Promise<PairingView[]> {
    return this.pairings.list(scope);
  }

  @Post()
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Pair a lead school with a member school (district/community admin)' })
  @ApiCreatedResponse({ type: PairingViewDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the two schools are already paired' })
  create(@Scope() scope: CommunityScope, @Body() dto: CreatePairingDto): Promise<PairingView> {
    return this.pairings.create(scope, dto);
  }

  @Patch(':pairingId')
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Change the period of a pairing (district/community admin)' })
  @ApiOkResponse({ type: PairingViewDto })
  update(
    @Scope() scope: CommunityScope,
    @Param('pairingId', ParseObjectIdPipe) id: Types.ObjectId,
    @Body() dto: UpdatePairingDto,
  ): Promise<PairingView> {
    return this.pairings.update(scope, id, dto);
  }

  @Delete(':pairingId')
  @HttpCode(204)
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'End a pairing by deleting it (district/community admin)' })
  @ApiNoContentResponse()
  remove(@Scope() scope: CommunityScope, @Param('pairingId', ParseObjectIdPipe) id: Types.ObjectId): Promise<void> {
    return this.pairings.remove(scope, id);
  }
}
