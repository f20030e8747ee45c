import { Injectable } from '@nestjs/common';
import { authenticator } from 'otplib';

/** Shown as the account's issuer in authenticator apps. */
export const TOTP_ISSUER = 'Tongke 同课';

/**
 * RFC 6238 codes (otplib's Google-Authenticator-compatible `authenticator`: SHA-1, 6 digits,
 * 30 s steps), accepting the neighbouring step too for clocks that drift a little.
 */
@Injectable()
export class TotpAuthenticator {
  private readonly otp = authenticator.clone({ window: 1 });

  newSecret(): string {
    return this.otp.generateSecret();
  }

  /** The otpauth:// URL authenticator apps scan (as a QR code). */
  keyUri(username: string, secret: string): string {
    return this.otp.keyuri(username, TOTP_ISSUER, secret);
  }

  matches(code: string, secret: string): boolean {
    try {
      return this.otp.check(code.replace(/\s/g, ''), secret);
    } catch {
      return false;
    }
  }
}
