import { Injectable } from '@nestjs/common';
import { ErrorCode, type TotpSetupResponse } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { LoginLockoutService } from '../lockout/login-lockout.service';
import { AuthSessionService } from '../sessions/auth-session.service';
import { TotpAuthenticator } from '../totp/totp.authenticator';
import { CredentialRepository, type UserWithSecrets } from './credential.repository';
import { PasswordHasher } from './password.hasher';

/**
 * The caller's own sign-in settings: password and TOTP. Wrong current passwords and wrong codes
 * for turning TOTP off count towards the lockout (someone holding a stolen access token must not
 * be able to guess them); they answer 400, not 401, as the caller's token itself is fine.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly passwords: PasswordHasher,
    private readonly lockout: LoginLockoutService,
    private readonly sessions: AuthSessionService,
    private readonly totp: TotpAuthenticator,
  ) {}

  /** Changes the password after checking the current one; every other session of the account is signed out. */
  async changePassword(user: User, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.secretsOf(user);
    await this.lockout.assertUnlocked(account.username);
    if (!(await this.passwords.matches(account.passwordHash, currentPassword))) {
      await this.lockout.recordFailure(account.username);
      throw new AppError(ErrorCode.BAD_REQUEST, 'the current password is wrong');
    }
    if (newPassword === currentPassword) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'the new password must differ from the current one');
    }
    await this.credentials.setPasswordHash(account._id, await this.passwords.hash(newPassword));
    await this.sessions.revokeOthers(account._id, new Types.ObjectId(sessionId), 'password');
  }

  /** A new secret to scan; TOTP stays off until `enableTotp` confirms a code for it. */
  async setupTotp(user: User): Promise<TotpSetupResponse> {
    const secret = this.totp.newSecret();
    if (!(await this.credentials.setPendingTotpSecret(user._id, secret))) {
      throw new AppError(ErrorCode.CONFLICT, 'TOTP is already on; turn it off first');
    }
    return { secret, otpauthUrl: this.totp.keyUri(user.username, secret) };
  }

  async enableTotp(user: User, code: string): Promise<void> {
    const account = await this.secretsOf(user);
    if (account.totpEnabled) throw new AppError(ErrorCode.CONFLICT, 'TOTP is already on');
    if (!account.totpSecret) throw new AppError(ErrorCode.CONFLICT, 'set up TOTP first (POST /api/auth/totp/setup)');
    if (!this.totp.matches(code, account.totpSecret)) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'wrong code: enter the current 6 digits from the authenticator');
    }
    if (!(await this.credentials.enableTotp(account._id, account.totpSecret))) {
      throw new AppError(ErrorCode.CONFLICT, 'TOTP was set up again meanwhile; scan the new code');
    }
  }

  async disableTotp(user: User, code: string): Promise<void> {
    const account = await this.secretsOf(user);
    if (!account.totpEnabled || !account.totpSecret) throw new AppError(ErrorCode.CONFLICT, 'TOTP is not on');
    await this.lockout.assertUnlocked(account.username);
    if (!this.totp.matches(code, account.totpSecret)) {
      await this.lockout.recordFailure(account.username);
      throw new AppError(ErrorCode.BAD_REQUEST, 'wrong code: enter the current 6 digits from the authenticator');
    }
    await this.credentials.disableTotp(account._id);
  }

  private async secretsOf(user: User): Promise<UserWithSecrets> {
    const account = await this.credentials.findActiveById(user._id);
    if (!account) throw new AppError(ErrorCode.UNAUTHENTICATED, 'this account no longer exists or is disabled');
    return account;
  }
}
