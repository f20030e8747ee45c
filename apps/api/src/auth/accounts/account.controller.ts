import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthSessionView, TotpSetupResponse } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { ParseObjectIdPipe } from '../../common/pipes/parse-object-id.pipe';
import type { User } from '../../org/schemas/user.schema';
import { Auth } from '../auth.decorator';
import { CurrentUser } from '../current-user.decorator';
import { AuthSessionViewDto } from '../dto/auth-session-view.dto';
import { ChangePasswordDto } from '../dto/change-password.dto';
import { ErrorBodyDto } from '../dto/error-body.dto';
import { TotpCodeDto } from '../dto/totp-code.dto';
import { TotpSetupResponseDto } from '../dto/totp-setup-response.dto';
import { AuthSessionService } from '../sessions/auth-session.service';
import { SessionId } from '../session-id.decorator';
import { AccountService } from './account.service';

/** The caller's own password, TOTP and sessions (any signed-in account). */
@ApiTags('auth')
@Controller('auth')
@Auth()
export class AccountController {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: AuthSessionService,
  ) {}

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; your other sessions are signed out' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'wrong current password or invalid new one' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'ACCOUNT_LOCKED after repeated wrong passwords' })
  changePassword(@CurrentUser() user: User, @SessionId() sid: string, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.accounts.changePassword(user, sid, dto.currentPassword, dto.newPassword);
  }

  @Post('totp/setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start TOTP setup: a new secret to scan (off until confirmed with /totp/enable)' })
  @ApiOkResponse({ type: TotpSetupResponseDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'TOTP is already on' })
  setupTotp(@CurrentUser() user: User): Promise<TotpSetupResponse> {
    return this.accounts.setupTotp(user);
  }

  @Post('totp/enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn TOTP on with a current code for the secret from /totp/setup' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'wrong code' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'already on, or not set up' })
  enableTotp(@CurrentUser() user: User, @Body() dto: TotpCodeDto): Promise<void> {
    return this.accounts.enableTotp(user, dto.code);
  }

  @Post('totp/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn TOTP off with a current code' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'wrong code' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'TOTP is not on' })
  disableTotp(@CurrentUser() user: User, @Body() dto: TotpCodeDto): Promise<void> {
    return this.accounts.disableTotp(user, dto.code);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Your signed-in sessions (browsers and paired devices)' })
  @ApiOkResponse({ type: AuthSessionViewDto, isArray: true })
  listSessions(@CurrentUser() user: User, @SessionId() sid: string): Promise<AuthSessionView[]> {
    return this.sessions.listOwn(user._id, sid);
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign one of your sessions out (its tokens stop working at once)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  revokeSession(
    @CurrentUser() user: User,
    @Param('sessionId', ParseObjectIdPipe) sessionId: Types.ObjectId,
  ): Promise<void> {
    return this.sessions.revokeOwn(user._id, sessionId);
  }
}
