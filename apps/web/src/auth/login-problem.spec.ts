import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api.error';
import { cleanTotpCode, lockedUntil, loginProblem } from './login-problem';

describe(loginProblem.name, () => {
  it('asks for the TOTP code when the API says so', () => {
    const err = new ApiError('TOTP_REQUIRED', 'enter the 6-digit code from your authenticator', 401);
    expect(loginProblem(err, false)).toEqual({ kind: 'totp-required' });
  });

  it('says until when a locked account unlocks', () => {
    const err = new ApiError('ACCOUNT_LOCKED', 'locked', 429, { lockedUntil: '2026-11-23T08:15:00.000Z' });
    expect(loginProblem(err, false)).toEqual({ kind: 'locked', until: new Date('2026-11-23T08:15:00.000Z') });
    expect(lockedUntil(new ApiError('ACCOUNT_LOCKED', 'locked', 429))).toBeNull();
    expect(lockedUntil(new ApiError('ACCOUNT_LOCKED', 'locked', 429, { lockedUntil: 'soon' }))).toBeNull();
  });

  it('tells a wrong code from a wrong password', () => {
    const code = new ApiError('UNAUTHENTICATED', 'wrong authenticator code', 401);
    const password = new ApiError('UNAUTHENTICATED', 'wrong username or password', 401);
    expect(loginProblem(code, true)).toEqual({ kind: 'wrong-code' });
    expect(loginProblem(password, true)).toEqual({ kind: 'wrong-credentials' });
    expect(loginProblem(password, false)).toEqual({ kind: 'wrong-credentials' });
  });

  it('passes anything else on', () => {
    const down = new ApiError('UNAVAILABLE', 'offline', 0);
    expect(loginProblem(down, false)).toEqual({ kind: 'other', error: down });
    const boom = new Error('boom');
    expect(loginProblem(boom, false)).toEqual({ kind: 'other', error: boom });
  });
});

describe(cleanTotpCode.name, () => {
  it('accepts six digits with spaces, nothing else', () => {
    expect(cleanTotpCode(' 123 456 ')).toBe('123456');
    expect(cleanTotpCode('12345')).toBeNull();
    expect(cleanTotpCode('12a456')).toBeNull();
  });
});
