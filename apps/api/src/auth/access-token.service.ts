import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';

/** JWT audience of the API's user access tokens (join and service tokens use their own). */
export const ACCESS_TOKEN_AUDIENCE = 'tongke-api';

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

/** Who an access token speaks for: the account and the session (refresh-token family) it was issued in. */
export interface AccessClaims {
  userId: Types.ObjectId;
  sessionId: string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Signs and verifies user access tokens (HS256 with JWT_SECRET, `sub` = user id, `sid` = session id). */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AuthConfig,
  ) {}

  async sign(userId: Types.ObjectId, sessionId: Types.ObjectId, now = Date.now()): Promise<SignedToken> {
    const ttlS = this.config.accessTokenTtlMin * 60;
    const token = await this.jwt.signAsync(
      { iat: Math.floor(now / 1000), sid: sessionId.toString() },
      { subject: userId.toString(), audience: ACCESS_TOKEN_AUDIENCE, expiresIn: ttlS },
    );
    return { token, expiresAt: new Date((Math.floor(now / 1000) + ttlS) * 1000) };
  }

  /** The account and session a valid token names; UNAUTHENTICATED for anything else (forged, expired, other audience). */
  async verify(token: string): Promise<AccessClaims> {
    let claims: { sub?: unknown; sid?: unknown };
    try {
      claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown }>(token, { audience: ACCESS_TOKEN_AUDIENCE });
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new AppError(ErrorCode.UNAUTHENTICATED, expired ? 'session expired, sign in again' : 'invalid token');
    }
    const { sub, sid } = claims;
    if (typeof sub !== 'string' || !OBJECT_ID.test(sub) || typeof sid !== 'string' || !OBJECT_ID.test(sid)) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'invalid token');
    }
    return { userId: new Types.ObjectId(sub), sessionId: sid };
  }
}
