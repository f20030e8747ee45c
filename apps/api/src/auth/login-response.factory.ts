import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@tongke/contracts';
import type { User } from '../org/schemas/user.schema';
import { AccessTokenService } from './access-token.service';
import { toCurrentUser } from './current-user.view';
import type { IssuedSession } from './sessions/auth-session.service';

/** The answer of login, refresh and device sign-in: a new access token for the session, and its refresh token. */
@Injectable()
export class LoginResponseFactory {
  constructor(private readonly tokens: AccessTokenService) {}

  async create(user: User, issued: IssuedSession): Promise<LoginResponse> {
    const { token, expiresAt } = await this.tokens.sign(user._id, issued.session._id);
    return {
      accessToken: token,
      expiresAt: expiresAt.toISOString(),
      refreshToken: issued.refreshToken,
      refreshExpiresAt: issued.session.expiresAt.toISOString(),
      user: toCurrentUser(user),
    };
  }
}
