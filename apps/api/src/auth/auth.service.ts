import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@tongke/contracts';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { hash, verify } from 'argon2';
import { UserRepository } from '../org/repositories/user.repository';
import type { User } from '../org/schemas/user.schema';
import { AccessTokenService } from './access-token.service';
import { toCurrentUser } from './current-user.view';
import type { LoginDto } from './dto/login.dto';

const WRONG_CREDENTIALS = 'wrong username or password';

/** Password login and per-request authentication of access tokens. */
@Injectable()
export class AuthService {
  /** Verified against for unknown usernames, so both failures take the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccessTokenService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.users.findForLogin(dto.username.trim());
    const usable = user !== null && !user.disabled;
    this.dummyHash ??= hash('tongke-dummy-password');
    const passwordHash = usable ? user.passwordHash : await this.dummyHash;
    const matches = await verify(passwordHash, dto.password).catch(() => false);
    if (!usable || !matches) throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    const { token, expiresAt } = await this.tokens.sign(user._id);
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user: toCurrentUser(user) };
  }

  /** The account behind a bearer token, loaded fresh, so disabled or deleted accounts lose access at once. */
  async authenticate(token: string): Promise<User> {
    const userId = await this.tokens.verify(token);
    const user = await this.users.findActiveById(userId);
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'this account no longer exists or is disabled');
    return user;
  }
}
