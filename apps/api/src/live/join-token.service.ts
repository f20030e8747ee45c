import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JOIN_TOKEN_AUDIENCE, JOIN_TOKEN_TTL_S, type JoinTokenClaims } from '@tongke/contracts';

/** Signs lesson join tokens (HS256, JWT_SECRET, audience JOIN_TOKEN_AUDIENCE) for the media node. */
@Injectable()
export class JoinTokenService {
  constructor(private readonly jwt: JwtService) {}

  async sign(
    claims: Omit<JoinTokenClaims, 'exp' | 'iat'>,
    now = Date.now(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now / 1000);
    const payload: JoinTokenClaims = { ...claims, iat };
    if (payload.cid === undefined) delete payload.cid;
    const token = await this.jwt.signAsync(payload, { audience: JOIN_TOKEN_AUDIENCE, expiresIn: JOIN_TOKEN_TTL_S });
    return { token, expiresAt: new Date((iat + JOIN_TOKEN_TTL_S) * 1000) };
  }
}
