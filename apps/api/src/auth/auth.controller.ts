import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserView, LoginResponse } from '@tongke/contracts';
import type { User } from '../org/schemas/user.schema';
import { Auth } from './auth.decorator';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { toCurrentUser } from './current-user.view';
import { CurrentUserDto } from './dto/current-user.dto';
import { ErrorBodyDto } from './dto/error-body.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; answers an access token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'wrong username or password' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: User): CurrentUserView {
    return toCurrentUser(user);
  }
}
