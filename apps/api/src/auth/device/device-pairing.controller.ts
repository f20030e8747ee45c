import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DeviceCodeResponse, Role } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import { Auth } from '../auth.decorator';
import type { CommunityScope } from '../community-scope';
import { DeviceCodeResponseDto } from '../dto/device-code-response.dto';
import { ErrorBodyDto } from '../dto/error-body.dto';
import { Scope } from '../scope.decorator';
import { DevicePairingService } from './device-pairing.service';

/** Pairing and unpairing a classroom's terminal (district/community admins; school admins for their school). */
@ApiTags('devices')
@Controller('communities/:communityId/classrooms/:classroomId')
@Auth(Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN, Role.SCHOOL_ADMIN)
export class DevicePairingController {
  constructor(private readonly devices: DevicePairingService) {}

  @Post('device-code')
  @ApiOperation({ summary: "A one-time code (10 min) to type into the classroom terminal's /device page" })
  @ApiCreatedResponse({ type: DeviceCodeResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  issueCode(
    @Scope() scope: CommunityScope,
    @Param('classroomId', ParseObjectIdPipe) classroomId: Types.ObjectId,
  ): Promise<DeviceCodeResponse> {
    return this.devices.issueCode(scope, classroomId);
  }

  @Delete('device')
  @HttpCode(204)
  @ApiOperation({ summary: "Unpair the classroom's terminals: their device sessions are revoked" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  unpair(
    @Scope() scope: CommunityScope,
    @Param('classroomId', ParseObjectIdPipe) classroomId: Types.ObjectId,
  ): Promise<void> {
    return this.devices.unpair(scope, classroomId);
  }
}
