import { Injectable } from '@nestjs/common';
import { AuthConfig } from '@tongke/config';
import { type AuthSessionView, DEVICE_SESSION_DAYS, ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { AccessRevocationStore } from './access-revocation.store';
import { AuthSessionRepository } from './auth-session.repository';
import type { AuthSession } from './auth-session.schema';
import { RefreshClaimStore } from './refresh-claim.store';
import { hashRefreshToken, newRefreshToken } from './refresh-token';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Ended sessions stay listed in the collection this long (for support questions), then go. */
const KEEP_ENDED_MS = 30 * DAY_MS;

export interface DeviceSessionInfo {
  classroomId: Types.ObjectId;
  deviceName: string;
}

/** A session with the refresh token that currently works for it (answered once, never stored). */
export interface IssuedSession {
  session: AuthSession;
  refreshToken: string;
}

/**
 * Signed-in sessions (refresh-token families): start, rotate, list and revoke. Revoking writes
 * the session ids to the revocation store too, so their access tokens stop working at once.
 */
@Injectable()
export class AuthSessionService {
  constructor(
    private readonly sessions: AuthSessionRepository,
    private readonly revocations: AccessRevocationStore,
    private readonly claims: RefreshClaimStore,
    private readonly config: AuthConfig,
  ) {}

  /** A new session for a password sign-in, or a device (terminal) session when `device` is given. */
  async start(user: User, device?: DeviceSessionInfo, now = new Date()): Promise<IssuedSession> {
    await this.sessions.deleteEndedBefore(user._id, new Date(now.getTime() - KEEP_ENDED_MS));
    const refreshToken = newRefreshToken();
    const session = await this.sessions.create({
      userId: user._id,
      ...(user.communityId && { communityId: user.communityId }),
      kind: device ? 'device' : 'password',
      ...(device && { classroomId: device.classroomId, deviceName: device.deviceName }),
      tokenHash: hashRefreshToken(refreshToken),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.lifetimeMs(device ? 'device' : 'password')),
    });
    return { session, refreshToken };
  }

  /**
   * Exchanges a refresh token for the next one. A token that was already used revokes its whole
   * family (someone else holds a copy); unknown, expired or revoked tokens are UNAUTHENTICATED.
   */
  async rotate(refreshToken: string, now = new Date()): Promise<IssuedSession> {
    const oldHash = hashRefreshToken(refreshToken);
    const found = await this.sessions.findByTokenHash(oldHash);
    if (!found) throw new AppError(ErrorCode.UNAUTHENTICATED, 'unknown refresh token, sign in again');
    if (found.revokedAt || found.expiresAt <= now) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'this session has ended, sign in again');
    }
    // Used before, or being used by a concurrent request right now: a copy is out there.
    if (found.tokenHash !== oldHash || !(await this.claims.claim(oldHash))) return this.reused(found, now);
    const nextToken = newRefreshToken();
    const rotated = await this.sessions.rotate(found._id, oldHash, {
      tokenHash: hashRefreshToken(nextToken),
      lastUsedAt: now,
      expiresAt: found.kind === 'device' ? new Date(now.getTime() + this.lifetimeMs('device')) : found.expiresAt,
    });
    if (!rotated) return this.reused(found, now);
    return { session: rotated, refreshToken: nextToken };
  }

  /** Logout: revokes the session of a refresh token (current or already rotated); unknown tokens change nothing. */
  async revokeByToken(refreshToken: string, now = new Date()): Promise<void> {
    const found = await this.sessions.findByTokenHash(hashRefreshToken(refreshToken));
    if (found) await this.revoke(await this.sessions.revokeOne(found.userId, found._id, 'logout', now));
  }

  /** Whether access tokens of this session must be refused. */
  isRevoked(sessionId: string): Promise<boolean> {
    return this.revocations.isRevoked(sessionId);
  }

  async listOwn(userId: Types.ObjectId, currentSessionId: string, now = new Date()): Promise<AuthSessionView[]> {
    return (await this.sessions.findLiveByUser(userId, now)).map((s) => toView(s, currentSessionId));
  }

  /** Revokes one of the caller's own sessions; 404 if it is not theirs or already ended. */
  async revokeOwn(userId: Types.ObjectId, sessionId: Types.ObjectId, now = new Date()): Promise<void> {
    const ids = await this.sessions.revokeOne(userId, sessionId, 'user', now);
    if (ids.length === 0) throw new AppError(ErrorCode.NOT_FOUND, `no active session ${sessionId.toString()}`);
    await this.revoke(ids);
  }

  /** Signs the account out everywhere (password change by an admin, account disabled, ...). */
  async revokeAllForUser(userId: Types.ObjectId, reason: string): Promise<void> {
    await this.revoke(await this.sessions.revokeByUser(userId, reason, new Date()));
  }

  /** Signs the account out everywhere but the given session (own password change). */
  async revokeOthers(userId: Types.ObjectId, keepSessionId: Types.ObjectId, reason: string): Promise<void> {
    await this.revoke(await this.sessions.revokeByUser(userId, reason, new Date(), keepSessionId));
  }

  /** Unpairs a classroom's terminal: revokes its device sessions; answers how many were live. */
  async revokeDevices(communityId: Types.ObjectId, classroomId: Types.ObjectId, reason: string): Promise<number> {
    const ids = await this.sessions.revokeDevices(communityId, classroomId, reason, new Date());
    await this.revoke(ids);
    return ids.length;
  }

  /** Classrooms of the community with a live device (terminal) session, as id strings. */
  async pairedClassroomIds(communityId: Types.ObjectId): Promise<Set<string>> {
    return new Set(await this.sessions.liveDeviceClassroomIds(communityId, new Date()));
  }

  /** Theft detection: revokes the family of a token that was used twice, and refuses. */
  private async reused(session: AuthSession, now: Date): Promise<never> {
    await this.revoke(await this.sessions.revokeOne(session.userId, session._id, 'reuse', now));
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'this refresh token was already used; the session is revoked');
  }

  private lifetimeMs(kind: AuthSession['kind']): number {
    return (kind === 'device' ? DEVICE_SESSION_DAYS : this.config.refreshTokenTtlDays) * DAY_MS;
  }

  private async revoke(ids: Types.ObjectId[]): Promise<void> {
    if (ids.length) await this.revocations.markRevoked(ids.map((id) => id.toString()));
  }
}

function toView(s: AuthSession, currentSessionId: string): AuthSessionView {
  const id = s._id.toString();
  return {
    id,
    kind: s.kind,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ...(s.deviceName !== undefined && { deviceName: s.deviceName }),
    current: id === currentSessionId,
  };
}
