import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthConfig } from '@tongke/config';
import { AuditModule } from '../audit/audit.module';
import { OrgDirectoryModule } from '../org/directory/org-directory.module';
import { OrgModule } from '../org/org.module';
import { User, UserSchema } from '../org/schemas/user.schema';
import { AccessTokenService } from './access-token.service';
import { AccountController } from './accounts/account.controller';
import { AccountService } from './accounts/account.service';
import { CredentialRepository } from './accounts/credential.repository';
import { PasswordHasher } from './accounts/password.hasher';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DeviceCodeStore } from './device/device-code.store';
import { DevicePairingController } from './device/device-pairing.controller';
import { DevicePairingService } from './device/device-pairing.service';
import { LoginLockoutService } from './lockout/login-lockout.service';
import { LoginLockoutStore } from './lockout/login-lockout.store';
import { LoginResponseFactory } from './login-response.factory';
import { AccessRevocationStore } from './sessions/access-revocation.store';
import { AuthSessionRepository } from './sessions/auth-session.repository';
import { AuthSession, AuthSessionSchema } from './sessions/auth-session.schema';
import { AuthSessionService } from './sessions/auth-session.service';
import { RefreshClaimStore } from './sessions/refresh-claim.store';
import { TotpAuthenticator } from './totp/totp.authenticator';
import { TotpReplayStore } from './totp/totp-replay.store';

/**
 * Sign-in, sessions (refresh tokens), TOTP, lockout and terminal pairing. Modules whose routes use
 * `@Auth()` import this module (the guard needs AuthService); it also shares the JWT signer (HS256,
 * JWT_SECRET) for join and service tokens, and AuthSessionService (revoke an account's sessions,
 * paired classrooms).
 */
@Module({
  imports: [
    OrgModule,
    OrgDirectoryModule,
    AuditModule,
    MongooseModule.forFeature([
      { name: AuthSession.name, schema: AuthSessionSchema },
      // The same users model as OrgModule's, for CredentialRepository (password hash, TOTP secret).
      { name: User.name, schema: UserSchema },
    ]),
    JwtModule.registerAsync({
      inject: [AuthConfig],
      useFactory: (auth: AuthConfig) => ({
        secret: auth.jwtKey,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, AccountController, DevicePairingController],
  providers: [
    AuthService,
    AccessTokenService,
    AuthGuard,
    LoginResponseFactory,
    AuthSessionRepository,
    AccessRevocationStore,
    RefreshClaimStore,
    AuthSessionService,
    CredentialRepository,
    PasswordHasher,
    AccountService,
    LoginLockoutStore,
    LoginLockoutService,
    TotpAuthenticator,
    TotpReplayStore,
    DeviceCodeStore,
    DevicePairingService,
  ],
  // OrgModule and OrgDirectoryModule too: AuthGuard is instantiated in the module of each guarded controller and needs OrgDirectory.
  exports: [AuthService, AuthGuard, AuthSessionService, JwtModule, OrgModule, OrgDirectoryModule],
})
export class AuthModule {}
