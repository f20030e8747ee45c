import { Injectable } from '@nestjs/common';
import { ErrorCode, type PairingView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertCommunityAdmin } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { PairingRepository } from '../repositories/pairing.repository';
import { SchoolRepository } from '../repositories/school.repository';
import type { Pairing } from '../schemas/pairing.schema';
import type { School } from '../schemas/school.schema';
import { todayIn } from '../shared/calendar-date';
import { changedFields } from '../shared/changed-fields';
import { conflictOnDuplicate } from '../shared/duplicate-key';
import { badReference, found, notFound } from '../shared/found';
import { toObjectId } from '../shared/object-id';
import type { CreatePairingDto } from './dto/create-pairing.dto';
import type { UpdatePairingDto } from './dto/update-pairing.dto';
import { pairingPeriodProblem } from './pairing.policy';
import { toPairingView } from './pairing.views';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** 结对 of the community's schools: every member reads them; district/community admins write them. */
@Injectable()
export class PairingsService {
  constructor(
    private readonly pairings: PairingRepository,
    private readonly schools: SchoolRepository,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope): Promise<PairingView[]> {
    const today = this.today(scope);
    return (await this.pairings.findByCommunity(scope.communityId)).map((p) => toPairingView(p, today));
  }

  async create(scope: CommunityScope, dto: CreatePairingDto): Promise<PairingView> {
    assertCommunityAdmin(scope);
    assertPeriod(dto.since, dto.until);
    const [lead, member] = await this.pairedSchools(scope, dto.leadSchoolId, dto.memberSchoolId);
    const label = `${lead.name} ↔ ${member.name}`;
    const reverse = await this.pairings.count(scope.communityId, {
      leadSchoolId: member._id,
      memberSchoolId: lead._id,
    });
    if (reverse > 0) throw new AppError(ErrorCode.CONFLICT, `${member.name} already leads a pairing with ${lead.name}`);
    const pairing = await conflictOnDuplicate(
      this.pairings.create(scope.communityId, {
        leadSchoolId: lead._id,
        memberSchoolId: member._id,
        since: dto.since,
        ...(dto.until !== undefined && { until: dto.until }),
      }),
      `${lead.name} is already paired with ${member.name}`,
    );
    await this.record(scope, 'pairing.create', pairing, label, changedFields(dto));
    return toPairingView(pairing, this.today(scope));
  }

  async update(scope: CommunityScope, pairingId: Types.ObjectId, dto: UpdatePairingDto): Promise<PairingView> {
    assertCommunityAdmin(scope);
    const pairing = found(await this.pairings.findOne(scope.communityId, pairingId), 'pairing', pairingId);
    const since = dto.since ?? pairing.since;
    const until = dto.until === null ? undefined : (dto.until ?? pairing.until);
    assertPeriod(since, until);
    const unset = dto.until === null ? ['until'] : [];
    const set = { since: dto.since, ...(typeof dto.until === 'string' && { until: dto.until }) };
    const updated = found(await this.pairings.update(scope.communityId, pairingId, set, unset), 'pairing', pairingId);
    await this.record(scope, 'pairing.update', updated, await this.label(scope, updated), changedFields(dto));
    return toPairingView(updated, this.today(scope));
  }

  async remove(scope: CommunityScope, pairingId: Types.ObjectId): Promise<void> {
    assertCommunityAdmin(scope);
    const pairing = found(await this.pairings.findOne(scope.communityId, pairingId), 'pairing', pairingId);
    if (!(await this.pairings.delete(scope.communityId, pairingId))) throw notFound('pairing', pairingId);
    await this.record(scope, 'pairing.delete', pairing, await this.label(scope, pairing));
  }

  /** The lead and member schools: two different schools of the community (400 otherwise). */
  private async pairedSchools(scope: CommunityScope, leadId: string, memberId: string): Promise<[School, School]> {
    if (leadId.toLowerCase() === memberId.toLowerCase()) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'a school cannot be paired with itself');
    }
    const [lead, member] = await Promise.all([
      this.schools.findOne(scope.communityId, toObjectId(leadId)),
      this.schools.findOne(scope.communityId, toObjectId(memberId)),
    ]);
    if (!lead) throw badReference('leadSchoolId', leadId, 'a school');
    if (!member) throw badReference('memberSchoolId', memberId, 'a school');
    return [lead, member];
  }

  private async label(scope: CommunityScope, p: Pairing): Promise<string> {
    const schools = await this.schools.findByIds(scope.communityId, [p.leadSchoolId, p.memberSchoolId]);
    const name = (id: Types.ObjectId) => schools.find((s) => s._id.equals(id))?.name ?? id.toString();
    return `${name(p.leadSchoolId)} ↔ ${name(p.memberSchoolId)}`;
  }

  private today(scope: CommunityScope): string {
    return todayIn(scope.community.timeZone ?? DEFAULT_TIME_ZONE);
  }

  private record(scope: CommunityScope, action: string, p: Pairing, name: string, changes?: string[]): Promise<void> {
    return this.audit.record(scope.user, scope.communityId, action, { type: 'pairing', id: p._id, name }, changes);
  }
}

function assertPeriod(since: string, until: string | undefined): void {
  const problem = pairingPeriodProblem({ since, ...(until !== undefined && { until }) });
  if (problem) throw new AppError(ErrorCode.BAD_REQUEST, problem);
}
