import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, SERVICE_TOKEN_AUDIENCE } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Request } from 'express';
import { bearerToken } from '../auth/bearer-token';

/** A request from a media node: `mediaNodeId` is the verified token's subject. */
export interface ServiceRequest extends Request {
  mediaNodeId: string;
}

/**
 * Internal routes: `Authorization: Bearer <JWT>` signed with JWT_SECRET for audience
 * SERVICE_TOKEN_AUDIENCE, `sub` = the media node's id. User access tokens don't pass.
 */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ServiceRequest>();
    const token = bearerToken(req.headers.authorization);
    let sub: unknown;
    try {
      ({ sub } = await this.jwt.verifyAsync<{ sub?: unknown }>(token, { audience: SERVICE_TOKEN_AUDIENCE }));
    } catch {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'invalid service token');
    }
    if (typeof sub !== 'string' || sub.length === 0) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'service token names no media node');
    }
    req.mediaNodeId = sub;
    return true;
  }
}
