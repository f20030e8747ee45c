import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { ResearchPeople } from '../access/research-people.service';

export interface PersonRef {
  id: string;
  name: string;
  schoolName?: string;
}

/** Names (and schools) of observers and commenters, from the district's cached org directories. */
@Injectable()
export class EvaluationPeople {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly people: ResearchPeople,
  ) {}

  /**
   * A lookup for the given accounts (of the district's communities, the community's own first); others
   * (district admins) are read one by one.
   */
  async lookup(communityId: Types.ObjectId, ids: Types.ObjectId[]): Promise<(id: Types.ObjectId) => PersonRef> {
    const dir = await this.people.ofCommunity(communityId);
    const refs = new Map<string, PersonRef>();
    for (const id of ids) {
      const key = id.toHexString();
      if (refs.has(key)) continue;
      const user = dir.user(id);
      if (user) {
        const schoolName = user.schoolId ? dir.school(user.schoolId)?.name : undefined;
        refs.set(key, { id: key, name: user.displayName, ...(schoolName && { schoolName }) });
      } else {
        const outside = await this.directory.activeUser(id);
        refs.set(key, { id: key, name: outside?.displayName ?? '' });
      }
    }
    return (id) => refs.get(id.toHexString()) ?? { id: id.toHexString(), name: '' };
  }
}
