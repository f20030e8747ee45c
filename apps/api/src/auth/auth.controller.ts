import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CurrentUser as CurrentUserView, LoginResponse } from '@tongke/contracts';
import type { User } from '../org/schemas/user.schema';
import { Auth } from './auth.decorator';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { toCurrentUser } from './current-user.view';
import { DevicePairingService } from './device/device-pairing.service';
import { CurrentUserDto } from './dto/current-user.dto';
import { DeviceSignInDto } from './dto/device-sign-in.dto';
import { ErrorBodyDto } from './dto/error-body.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly devices: DevicePairingService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username, password (and TOTP code); answers access and refresh tokens' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({
    type: ErrorBodyDto,
    description: 'UNAUTHENTICATED: wrong username, password or code; TOTP_REQUIRED: send totpCode too',
  })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'ACCOUNT_LOCKED: too many failures; says until when' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token (once) for a new access and refresh token',
    description: 'Reusing an already exchanged refresh token revokes its whole session.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'unknown, used, expired or revoked refresh token' })
  refresh(@Body() dto: RefreshTokenDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: revokes the refresh token's session; its access tokens stop working at once" })
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshTokenDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Post('device')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "A classroom terminal exchanges a pairing code (once) for a device session of the classroom's terminal account",
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'unknown, used or expired pairing code' })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'ACCOUNT_LOCKED: too many attempts from this address',
  })
  device(@Body() dto: DeviceSignInDto, @Ip() client: string): Promise<LoginResponse> {
    return this.devices.signIn(dto, client);
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: User): CurrentUserView {
    return toCurrentUser(user);
  }
}
