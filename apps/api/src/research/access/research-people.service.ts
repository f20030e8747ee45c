import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { DistrictPeople } from './district-people.directory';

/**
 * The people a research group of a community may have: the accounts of every community of that
 * community's district (from the org directory's per-community snapshots).
 */
@Injectable()
export class ResearchPeople {
  constructor(private readonly directory: OrgDirectory) {}

  /** The district's people, the community's own directory first. */
  async ofCommunity(communityId: Types.ObjectId): Promise<DistrictPeople> {
    const community = await this.directory.community(communityId);
    const district = community ? await this.directory.districtCommunities(community.district) : [];
    const others = district.map((c) => c._id).filter((id) => !id.equals(communityId));
    const directories = await Promise.all([communityId, ...others].map((id) => this.directory.of(id)));
    return new DistrictPeople(directories);
  }
}
