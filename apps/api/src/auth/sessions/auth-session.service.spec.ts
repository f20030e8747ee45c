import { AuthConfig } from '@tongke/config';
import { DEVICE_SESSION_DAYS, ErrorCode } from '@tongke/contracts';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import type { AccessRevocationStore } from './access-revocation.store';
import type { AuthSessionRepository } from './auth-session.repository';
import type { AuthSession } from './auth-session.schema';
import { AuthSessionService } from './auth-session.service';
import type { RefreshClaimStore } from './refresh-claim.store';
import { hashRefreshToken } from './refresh-token';

const DAY = 86_400_000;
const NOW = new Date('2026-11-23T08:00:00Z');

function setup() {
  const docs: AuthSession[] = [];
  const repo = {
    deleteEndedBefore: jest.fn(() => Promise.resolve()),
    create: jest.fn((doc: Omit<AuthSession, '_id' | 'rotatedHashes'>) => {
      const created = { _id: new Types.ObjectId(), rotatedHashes: [], ...doc };
      docs.push(created);
      return Promise.resolve(created);
    }),
    findByTokenHash: jest.fn((h: string) =>
      Promise.resolve(docs.find((d) => d.tokenHash === h || d.rotatedHashes.includes(h)) ?? null),
    ),
    rotate: jest.fn(
      (id: Types.ObjectId, oldHash: string, next: { tokenHash: string; lastUsedAt: Date; expiresAt: Date }) => {
        const d = docs.find((x) => x._id.equals(id) && x.tokenHash === oldHash && !x.revokedAt);
        if (!d || d.expiresAt <= next.lastUsedAt) return Promise.resolve(null);
        d.rotatedHashes.push(oldHash);
        Object.assign(d, next);
        return Promise.resolve({ ...d });
      },
    ),
    revokeOne: jest.fn((_user: Types.ObjectId, id: Types.ObjectId, reason: string) => {
      const d = docs.find((x) => x._id.equals(id) && !x.revokedAt);
      if (!d) return Promise.resolve([]);
      Object.assign(d, { revokedAt: NOW, revokedReason: reason });
      return Promise.resolve([d._id]);
    }),
  };
  const revocations = { markRevoked: jest.fn(() => Promise.resolve()) };
  const claimed = new Set<string>();
  const claims = {
    claim: jest.fn((h: string) => Promise.resolve(!claimed.has(h) && !!claimed.add(h))),
  };
  const service = new AuthSessionService(
    repo as unknown as AuthSessionRepository,
    revocations as unknown as AccessRevocationStore,
    claims as unknown as RefreshClaimStore,
    new AuthConfig('x'.repeat(32), 60, 14),
  );
  return { service, docs, repo, revocations, claims };
}

const user = { _id: new Types.ObjectId(), communityId: new Types.ObjectId() } as User;

describe(AuthSessionService.name, () => {
  it('stores only the hash of a new refresh token, with the configured lifetime', async () => {
    const { service, docs } = setup();
    const { session, refreshToken } = await service.start(user, undefined, NOW);
    expect(docs[0].tokenHash).toBe(hashRefreshToken(refreshToken));
    expect(JSON.stringify(docs)).not.toContain(refreshToken);
    expect(session).toMatchObject({ kind: 'password', userId: user._id, communityId: user.communityId });
    expect(session.expiresAt.getTime() - NOW.getTime()).toBe(14 * DAY);
  });

  it('rotates a password session without extending it, and renews a device session', async () => {
    const { service } = setup();
    const pw = await service.start(user, undefined, NOW);
    const later = new Date(NOW.getTime() + DAY);
    const next = await service.rotate(pw.refreshToken, later);
    expect(next.refreshToken).not.toBe(pw.refreshToken);
    expect(next.session.expiresAt).toEqual(pw.session.expiresAt);
    expect(next.session.lastUsedAt).toEqual(later);

    const device = await service.start(user, { classroomId: new Types.ObjectId(), deviceName: '一体机' }, NOW);
    expect(device.session.expiresAt.getTime() - NOW.getTime()).toBe(DEVICE_SESSION_DAYS * DAY);
    const renewed = await service.rotate(device.refreshToken, later);
    expect(renewed.session.expiresAt.getTime() - later.getTime()).toBe(DEVICE_SESSION_DAYS * DAY);
  });

  it('revokes the family when an already used token comes back, and marks its access tokens', async () => {
    const { service, docs, revocations } = setup();
    const first = await service.start(user, undefined, NOW);
    const second = await service.rotate(first.refreshToken, NOW);
    await expect(service.rotate(first.refreshToken, NOW)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'this refresh token was already used; the session is revoked',
    });
    expect(docs[0]).toMatchObject({ revokedReason: 'reuse' });
    expect(revocations.markRevoked).toHaveBeenCalledWith([docs[0]._id.toString()]);
    await expect(service.rotate(second.refreshToken, NOW)).rejects.toMatchObject({
      message: 'this session has ended, sign in again',
    });
  });

  it('refuses unknown and expired tokens without revoking anything', async () => {
    const { service, revocations } = setup();
    await expect(service.rotate('nope', NOW)).rejects.toMatchObject({ message: /unknown refresh token/ });
    const s = await service.start(user, undefined, NOW);
    await expect(service.rotate(s.refreshToken, new Date(NOW.getTime() + 15 * DAY))).rejects.toMatchObject({
      message: 'this session has ended, sign in again',
    });
    expect(revocations.markRevoked).not.toHaveBeenCalled();
  });

  it('treats a token another request claimed at the same moment as reuse', async () => {
    const { service, claims, docs, repo } = setup();
    const s = await service.start(user, undefined, NOW);
    claims.claim.mockResolvedValueOnce(false); // a concurrent refresh claimed it first
    await expect(service.rotate(s.refreshToken, NOW)).rejects.toMatchObject({ message: /already used/ });
    expect(docs[0].revokedReason).toBe('reuse');
    expect(repo.rotate).not.toHaveBeenCalled();
  });

  it('treats losing a race for the same token as reuse', async () => {
    const { service, repo, docs } = setup();
    const s = await service.start(user, undefined, NOW);
    repo.rotate.mockResolvedValueOnce(null); // another refresh rotated it in between
    await expect(service.rotate(s.refreshToken, NOW)).rejects.toMatchObject({ message: /already used/ });
    expect(docs[0].revokedReason).toBe('reuse');
  });
});
