import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@tongke/contracts';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../org/directory/org-directory.service';
import { UserRepository } from '../org/repositories/user.repository';
import type { User } from '../org/schemas/user.schema';
import { AccessTokenService } from './access-token.service';
import { CredentialRepository, type UserWithSecrets } from './accounts/credential.repository';
import { PasswordHasher } from './accounts/password.hasher';
import type { LoginDto } from './dto/login.dto';
import { LoginLockoutService } from './lockout/login-lockout.service';
import { LoginResponseFactory } from './login-response.factory';
import { AuthSessionService } from './sessions/auth-session.service';
import { TotpReplayStore } from './totp/totp-replay.store';
import { TotpAuthenticator } from './totp/totp.authenticator';

const WRONG_CREDENTIALS = 'wrong username or password';

/** A request's caller: the account (loaded fresh) and the session its access token belongs to. */
export interface Authenticated {
  user: User;
  sessionId: string;
}

/** Password (+ TOTP) sign-in, refresh, logout, and per-request authentication of access tokens. */
@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly users: UserRepository,
    private readonly directory: OrgDirectory,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly sessions: AuthSessionService,
    private readonly lockout: LoginLockoutService,
    private readonly totp: TotpAuthenticator,
    private readonly totpReplays: TotpReplayStore,
    private readonly responses: LoginResponseFactory,
  ) {}

  /**
   * Locked usernames get 429 before anything is checked. A wrong password (or unknown user) and a
   * wrong TOTP code count as failures; a missing code for an account with TOTP on counts nothing.
   */
  async login(dto: LoginDto): Promise<LoginResponse> {
    await this.lockout.assertUnlocked(dto.username);
    const found = await this.credentials.findByUsername(dto.username);
    const user = found && !found.disabled ? found : null;
    const passwordOk = await this.passwords.matches(user?.passwordHash, dto.password);
    if (!passwordOk || !user) {
      await this.lockout.recordFailure(dto.username);
      throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    if (user.totpEnabled) await this.checkTotp(user, dto);
    await this.lockout.clear(dto.username);
    return this.responses.create(user, await this.sessions.start(user));
  }

  /** Rotates the refresh token and answers a new access token (see AuthSessionService.rotate). */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const issued = await this.sessions.rotate(refreshToken);
    const user = await this.users.findActiveById(issued.session.userId);
    if (!user) {
      await this.sessions.revokeAllForUser(issued.session.userId, 'disabled');
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'this account no longer exists or is disabled');
    }
    return this.responses.create(user, issued);
  }

  /** Ends the session of the refresh token (its access tokens stop working at once). */
  logout(refreshToken: string): Promise<void> {
    return this.sessions.revokeByToken(refreshToken);
  }

  /**
   * The caller behind a bearer token: the session must not be revoked (checked in Redis on every
   * request), and the account comes from the org directory, which drops it on any write to it, so
   * disabled or deleted accounts lose access at once.
   */
  async authenticate(token: string): Promise<Authenticated> {
    const { userId, sessionId } = await this.tokens.verify(token);
    return { user: await this.stillSignedIn(userId, sessionId), sessionId };
  }

  /**
   * The account of a session that is still signed in; UNAUTHENTICATED once the session was revoked
   * or the account disabled or deleted (long-lived connections re-check their caller with it).
   */
  async stillSignedIn(userId: Types.ObjectId, sessionId: string): Promise<User> {
    const [revoked, user] = await Promise.all([this.sessions.isRevoked(sessionId), this.directory.activeUser(userId)]);
    if (revoked) throw new AppError(ErrorCode.UNAUTHENTICATED, 'this session was signed out, sign in again');
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'this account no longer exists or is disabled');
    return user;
  }

  private async checkTotp(user: UserWithSecrets, dto: LoginDto): Promise<void> {
    if (!dto.totpCode) throw new AppError(ErrorCode.TOTP_REQUIRED, 'enter the 6-digit code from your authenticator');
    const matches = !!user.totpSecret && this.totp.matches(dto.totpCode, user.totpSecret);
    if (matches && (await this.totpReplays.firstUse(user._id, dto.totpCode.replace(/\s/g, '')))) return;
    await this.lockout.recordFailure(dto.username);
    const message = matches ? 'this code was already used, wait for the next one' : 'wrong authenticator code';
    throw new AppError(ErrorCode.UNAUTHENTICATED, message);
  }
}
