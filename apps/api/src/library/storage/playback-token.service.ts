import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig, LibraryConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/** A signed path segment and when it stops working. */
export interface SignedScope {
  token: string;
  expiresAt: Date;
}

const TOKEN = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Signs playback links: media players (hls.js, <video>, download links) can't send the user's
 * bearer token, so the API answers links carrying `<expiry>.<HMAC(scope, expiry)>` in their path,
 * e.g. /api/library/media/resource/<id>/<token>/hls/master.m3u8. A scope names what the link opens
 * (`resource:<id>`, `timeshift:<sessionId>`); the key is derived from JWT_SECRET for this use only.
 */
@Injectable()
export class PlaybackTokenService {
  private readonly key: Buffer;

  constructor(
    auth: AuthConfig,
    private readonly library: LibraryConfig,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', auth.jwtSecret, 'tongke', 'playback-links', 32));
  }

  sign(scope: string, ttlS = this.library.playbackTokenTtlS): SignedScope {
    const exp = Math.floor(Date.now() / 1000) + ttlS;
    const expText = exp.toString(36);
    return { token: `${expText}.${this.mac(scope, expText)}`, expiresAt: new Date(exp * 1000) };
  }

  /** Throws UNAUTHENTICATED unless `token` was signed for `scope` and has not expired. */
  verify(scope: string, token: string): void {
    const m = TOKEN.exec(token);
    const valid =
      !!m &&
      parseInt(m[1], 36) * 1000 > Date.now() &&
      timingSafeEqual(Buffer.from(m[2]), Buffer.from(this.mac(scope, m[1])));
    if (!valid) throw new AppError(ErrorCode.UNAUTHENTICATED, 'this playback link is invalid or has expired');
  }

  private mac(scope: string, expText: string): string {
    return createHmac('sha256', this.key).update(`${scope}\n${expText}`).digest('base64url');
  }
}
