import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { RedisLock } from '../../live/redis-lock.adapter';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess, type AccessibleGroup } from '../access/research-access.service';

const LOCK_TTL_MS = 10_000;

/**
 * Changes to a group's members, lead and mentorships rewrite its arrays (FerretDB has no
 * positional updates or transactions): they run one at a time per group across API processes, on
 * the group as it is inside the lock, so two admins' edits never undo each other.
 */
@Injectable()
export class GroupWrites {
  constructor(
    private readonly lock: RedisLock,
    private readonly access: ResearchAccess,
  ) {}

  /** Runs `work` on the group the caller manages (404/403 as ResearchAccess), holding the group's lock. */
  async managed<T>(user: User, id: Types.ObjectId, work: (found: AccessibleGroup) => Promise<T>): Promise<T> {
    const done = await this.lock.runExclusive(`research-group:${id.toHexString()}`, LOCK_TTL_MS, async () =>
      work(await this.access.managedGroup(user, id)),
    );
    if (!done.ran) throw new AppError(ErrorCode.CONFLICT, 'someone else is changing this group right now: try again');
    return done.value;
  }
}
