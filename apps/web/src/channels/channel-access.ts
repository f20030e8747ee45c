import type { CurrentUser } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';

// Who sees the channel editors. The server enforces every rule (`canEdit` on each channel).

type ChannelUser = Pick<CurrentUser, 'roles'> | null | undefined;

/** District and community admins create channels. */
export function canCreateChannels(user: ChannelUser): boolean {
  return user?.roles.some((r) => r === Role.DISTRICT_ADMIN || r === Role.COMMUNITY_ADMIN) ?? false;
}

/** District admins belong to no community: they pick one for a new channel. */
export function picksCommunity(user: ChannelUser): boolean {
  return user?.roles.includes(Role.DISTRICT_ADMIN) ?? false;
}
