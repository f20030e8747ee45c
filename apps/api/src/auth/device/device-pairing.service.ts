import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type DeviceCodeResponse, ErrorCode, type LoginResponse, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { ClassroomRepository } from '../../org/repositories/classroom.repository';
import { UserRepository } from '../../org/repositories/user.repository';
import type { Classroom } from '../../org/schemas/classroom.schema';
import type { User } from '../../org/schemas/user.schema';
import { PasswordHasher } from '../accounts/password.hasher';
import { assertManagesSchool } from '../community-access.policy';
import type { CommunityScope } from '../community-scope';
import type { DeviceSignInDto } from '../dto/device-sign-in.dto';
import { LoginResponseFactory } from '../login-response.factory';
import { AuthSessionService } from '../sessions/auth-session.service';
import { DEVICE_CODE_TTL_MS, newDeviceCode, normalizeDeviceCode } from './device-code';
import { DEVICE_ATTEMPTS, DeviceCodeStore } from './device-code.store';

const BAD_CODE = 'unknown or expired pairing code: ask an admin for a new one';

/**
 * Classroom terminals: an admin issues a one-time code for a classroom, the terminal exchanges it
 * for a long-lived device session as the classroom's terminal account, and an admin can unpair it.
 */
@Injectable()
export class DevicePairingService {
  constructor(
    private readonly classrooms: ClassroomRepository,
    private readonly users: UserRepository,
    private readonly codes: DeviceCodeStore,
    private readonly sessions: AuthSessionService,
    private readonly responses: LoginResponseFactory,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async issueCode(scope: CommunityScope, classroomId: Types.ObjectId): Promise<DeviceCodeResponse> {
    const room = await this.managedClassroom(scope, classroomId);
    const code = newDeviceCode();
    const expiresAt = new Date(Date.now() + DEVICE_CODE_TTL_MS);
    await this.codes.put(code, {
      communityId: scope.communityId.toString(),
      classroomId: room._id.toString(),
      issuedBy: scope.user._id.toString(),
    });
    await this.audit.record(scope.user, scope.communityId, 'device.code', classroomTarget(room));
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** Exchanges a pairing code (once) for a device session of the classroom's terminal account. */
  async signIn(dto: DeviceSignInDto, client: string): Promise<LoginResponse> {
    if ((await this.codes.countAttempt(client)) > DEVICE_ATTEMPTS.max) {
      throw new AppError(
        ErrorCode.ACCOUNT_LOCKED,
        'too many pairing attempts from this address, try again in 15 minutes',
      );
    }
    const code = normalizeDeviceCode(dto.code);
    const grant = code ? await this.codes.take(code) : null;
    if (!grant) throw new AppError(ErrorCode.UNAUTHENTICATED, BAD_CODE);
    const room = await this.classrooms.findOne(
      new Types.ObjectId(grant.communityId),
      new Types.ObjectId(grant.classroomId),
    );
    if (!room) throw new AppError(ErrorCode.UNAUTHENTICATED, 'the classroom of this code no longer exists');
    const terminal = await this.terminalAccount(room);
    const deviceName = dto.deviceName.trim();
    const issued = await this.sessions.start(terminal, { classroomId: room._id, deviceName });
    await this.audit.record(terminal, room.communityId, 'device.pair', classroomTarget(room), ['deviceName']);
    return this.responses.create(terminal, issued);
  }

  /** Signs the classroom's terminals out for good (their device sessions are revoked). */
  async unpair(scope: CommunityScope, classroomId: Types.ObjectId): Promise<void> {
    const room = await this.managedClassroom(scope, classroomId);
    await this.sessions.revokeDevices(scope.communityId, room._id, 'unpair');
    await this.audit.record(scope.user, scope.communityId, 'device.unpair', classroomTarget(room));
  }

  /** The classroom, if it is in the scope's community (404 otherwise) and the caller manages its school (403). */
  private async managedClassroom(scope: CommunityScope, classroomId: Types.ObjectId): Promise<Classroom> {
    const room = await this.classrooms.findOne(scope.communityId, classroomId);
    if (!room) throw new AppError(ErrorCode.NOT_FOUND, `no classroom ${classroomId.toString()} in this community`);
    assertManagesSchool(scope, room.schoolId);
    return room;
  }

  /** The classroom's enabled terminal account, created (`terminal-<classroomId>`) if it has none. */
  private async terminalAccount(room: Classroom): Promise<User> {
    const existing = await this.users.find(room.communityId, { roles: Role.TERMINAL, classroomId: room._id });
    const enabled = existing.find((u) => !u.disabled);
    if (enabled) return enabled;
    if (existing.length) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `the terminal account ${existing[0].username} of this classroom is disabled; an admin must enable it first`,
      );
    }
    try {
      return await this.users.create(room.communityId, {
        username: `terminal-${room._id.toString()}`,
        displayName: `${room.name} 终端`,
        roles: [Role.TERMINAL],
        subjects: [],
        schoolId: room.schoolId,
        classroomId: room._id,
        // Nobody knows this password: the account signs in through pairing codes only.
        passwordHash: await this.passwords.hash(randomBytes(32).toString('base64url')),
      });
    } catch (err) {
      // Another terminal of the room paired at the same moment and created the account: use it.
      const created = (err as { code?: unknown }).code === 11000 ? await this.existingTerminal(room) : undefined;
      if (created) return created;
      throw err;
    }
  }

  private async existingTerminal(room: Classroom): Promise<User | undefined> {
    const found = await this.users.find(room.communityId, { roles: Role.TERMINAL, classroomId: room._id });
    return found.find((u) => !u.disabled);
  }
}

function classroomTarget(room: Classroom): { type: string; id: Types.ObjectId; name: string } {
  return { type: 'classroom', id: room._id, name: room.name };
}
