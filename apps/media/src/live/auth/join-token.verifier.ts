import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { ErrorCode, JOIN_TOKEN_AUDIENCE, LessonRole, type JoinTokenClaims } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { z } from 'zod';

const id = z.string().min(1).max(128);
const claimsSchema = z
  .object({
    sid: id,
    sub: id,
    com: id,
    role: z.enum(LessonRole),
    cid: id.optional(),
    name: z.string().min(1).max(200),
    title: z.string().max(300).optional(),
    rec: z.boolean().optional(),
    exp: z.number().optional(),
    iat: z.number().optional(),
  })
  .refine((c) => c.cid !== undefined || (c.role !== LessonRole.CLASSROOM && c.role !== LessonRole.ASSISTANT), {
    message: 'classroom and assistant tokens name their classroom',
  });

/** Verifies lesson join tokens (HS256, JWT_SECRET, audience JOIN_TOKEN_AUDIENCE) issued by the API. */
@Injectable()
export class JoinTokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  /** The token's claims; TOKEN_EXPIRED or TOKEN_INVALID otherwise. */
  verify(token: unknown): JoinTokenClaims {
    if (typeof token !== 'string' || token.length === 0) {
      throw new AppError(ErrorCode.TOKEN_INVALID, 'a join token is required (handshake auth.token)');
    }
    let payload: unknown;
    try {
      payload = this.jwt.verify<object>(token, {
        audience: JOIN_TOKEN_AUDIENCE,
        algorithms: ['HS256'],
      });
    } catch (err) {
      if (err instanceof TokenExpiredError) throw new AppError(ErrorCode.TOKEN_EXPIRED, 'the join token has expired');
      throw new AppError(ErrorCode.TOKEN_INVALID, 'the join token is not valid');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError(ErrorCode.TOKEN_INVALID, 'the join token lacks lesson claims');
    return claims.data;
  }
}
