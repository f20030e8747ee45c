import type { Types } from 'mongoose';
import type { CommunityDirectory, DirectorySchool, DirectoryUser } from '../../org/directory/community-directory';

type Id = Types.ObjectId | string;

/** The account and school lookups research views and rules need (a CommunityDirectory has them too). */
export interface PeopleLookup {
  user(id: Id): DirectoryUser | undefined;
  school(id: Id): DirectorySchool | undefined;
  displayName(id: Id): string;
}

/**
 * The accounts and schools of every community of one district, for research groups, whose members
 * come from any school of the district: lookups go through each community's own directory, so an
 * account is only ever found in the community it belongs to.
 */
export class DistrictPeople implements PeopleLookup {
  /** `directories`: the group's own community first, then the district's others. */
  constructor(private readonly directories: readonly CommunityDirectory[]) {}

  user(id: Id): DirectoryUser | undefined {
    return this.lookup((d) => d.user(id))?.found;
  }

  school(id: Id): DirectorySchool | undefined {
    return this.lookup((d) => d.school(id))?.found;
  }

  displayName(id: Id): string {
    return this.user(id)?.displayName ?? '';
  }

  /** The community the account belongs to (undefined when it is no account of the district). */
  communityOf(id: Id): Types.ObjectId | undefined {
    return this.lookup((d) => d.user(id))?.directory.communityId;
  }

  /** The communities looked in, the group's own first. */
  communityIds(): Types.ObjectId[] {
    return this.directories.map((d) => d.communityId);
  }

  private lookup<T>(get: (d: CommunityDirectory) => T | undefined) {
    for (const directory of this.directories) {
      const found = get(directory);
      if (found !== undefined) return { found, directory };
    }
    return undefined;
  }
}
