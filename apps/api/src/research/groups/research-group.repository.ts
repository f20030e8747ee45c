import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { ResearchGroup } from './research-group.schema';

@Injectable()
export class ResearchGroupRepository extends TenantRepository<ResearchGroup> {
  constructor(@InjectModel(ResearchGroup.name) model: Model<ResearchGroup>) {
    super(model, 'name');
  }

  /**
   * A group by id alone, for access checks that then compare its community with the caller's
   * (ResearchAccess); never answer it without that check.
   */
  findByIdForAccess(id: Types.ObjectId): Promise<ResearchGroup | null> {
    return this.model.findById(id).lean<ResearchGroup>().exec();
  }

  /** The community's groups the user is a member of. */
  findForMember(communityId: Types.ObjectId, userId: Types.ObjectId): Promise<ResearchGroup[]> {
    return this.find(communityId, { 'members.userId': userId });
  }
}
