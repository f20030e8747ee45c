import { Injectable } from '@nestjs/common';
import type { ResearchGroupView } from '@tongke/contracts';
import type { AccessibleGroup } from '../access/research-access.service';
import { ResearchPeople } from '../access/research-people.service';
import type { GroupAccess } from '../access/research-access.policy';
import type { ResearchGroup } from './research-group.schema';
import { toGroupView } from './research-group.views';

/** Research group views with names and school names of the district's people (members come from any of its communities). */
@Injectable()
export class ResearchGroupViews {
  constructor(private readonly people: ResearchPeople) {}

  async view(found: Pick<AccessibleGroup, 'group' | 'access'>): Promise<ResearchGroupView> {
    return toGroupView(found.group, await this.people.ofCommunity(found.group.communityId), found.access);
  }

  async views(items: { group: ResearchGroup; access: GroupAccess }[]): Promise<ResearchGroupView[]> {
    return Promise.all(items.map((item) => this.view(item)));
  }
}
