import { Injectable } from '@nestjs/common';
import type { AuditEntryView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { User } from '../org/schemas/user.schema';
import { AuditEntryRepository } from './audit-entry.repository';
import type { AuditEntry } from './audit-entry.schema';

export interface AuditTarget {
  type: string;
  id: Types.ObjectId | string;
  name?: string;
}

/** The audit log of admin actions. Call `record` after the change is stored. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditEntryRepository) {}

  async record(
    actor: User,
    communityId: Types.ObjectId | undefined,
    action: string,
    target: AuditTarget,
    changes?: string[],
  ): Promise<void> {
    await this.entries.insert({
      ...(communityId && { communityId }),
      at: new Date(),
      actorId: actor._id,
      actorName: actor.displayName,
      action,
      targetType: target.type,
      targetId: target.id.toString(),
      ...(target.name !== undefined && { targetName: target.name }),
      ...(changes?.length && { changes }),
    });
  }

  async list(communityId: Types.ObjectId, limit = 100, before?: Date): Promise<AuditEntryView[]> {
    return (await this.entries.findByCommunity(communityId, limit, before)).map(toView);
  }
}

function toView(e: AuditEntry): AuditEntryView {
  return {
    id: e._id.toString(),
    at: e.at.toISOString(),
    actor: { id: e.actorId.toString(), name: e.actorName },
    action: e.action,
    target: { type: e.targetType, id: e.targetId, ...(e.targetName !== undefined && { name: e.targetName }) },
    ...(e.changes?.length && { changes: e.changes }),
  };
}
