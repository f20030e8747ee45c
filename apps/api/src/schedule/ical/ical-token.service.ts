import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';

/** JWT audience of calendar subscription links (user access tokens don't work here, nor these there). */
export const ICAL_TOKEN_AUDIENCE = 'tongke-ical';

/** Whose calendar a link opens. */
export interface IcalSubject {
  kind: 'teacher' | 'classroom';
  id: Types.ObjectId;
  communityId: Types.ObjectId;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Signs and verifies the private tokens of iCal subscription URLs: HS256 with JWT_SECRET, own
 * audience, no expiry (calendar apps poll the URL for as long as it is subscribed).
 */
@Injectable()
export class IcalTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(subject: IcalSubject): Promise<string> {
    return this.jwt.signAsync(
      { kind: subject.kind, com: subject.communityId.toString() },
      { subject: subject.id.toString(), audience: ICAL_TOKEN_AUDIENCE },
    );
  }

  /** Whose calendar the token opens; 401 for anything forged, tampered with or meant elsewhere. */
  async verify(token: string): Promise<IcalSubject> {
    let claims: { sub?: unknown; kind?: unknown; com?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token, { audience: ICAL_TOKEN_AUDIENCE });
    } catch {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'invalid calendar link');
    }
    const { sub, kind, com } = claims;
    if (
      (kind !== 'teacher' && kind !== 'classroom') ||
      typeof sub !== 'string' ||
      typeof com !== 'string' ||
      !OBJECT_ID.test(sub) ||
      !OBJECT_ID.test(com)
    ) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'invalid calendar link');
    }
    return { kind, id: new Types.ObjectId(sub), communityId: new Types.ObjectId(com) };
  }
}
