import { Injectable } from '@nestjs/common';
import type { ResearchGroupView } from '@tongke/contracts';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import type { AccessibleGroup } from '../access/research-access.service';
import type { GroupAccess } from '../access/research-access.policy';
import type { ResearchGroup } from './research-group.schema';
import { toGroupView } from './research-group.views';

/** Research group views with names and school names from the org directory. */
@Injectable()
export class ResearchGroupViews {
  constructor(private readonly directory: OrgDirectory) {}

  async view(found: Pick<AccessibleGroup, 'group' | 'access'>): Promise<ResearchGroupView> {
    return toGroupView(found.group, await this.directory.of(found.group.communityId), found.access);
  }

  async views(items: { group: ResearchGroup; access: GroupAccess }[]): Promise<ResearchGroupView[]> {
    return Promise.all(items.map((item) => this.view(item)));
  }
}
