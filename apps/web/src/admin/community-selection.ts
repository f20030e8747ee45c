import type { CommunityView } from '@tongke/contracts';

/** Where the admin pages remember the community a district admin picked (per browser tab). */
export const SELECTED_COMMUNITY_KEY = 'tongke.admin.community';

export interface CommunityChoice {
  /** `?community=` of the page. */
  query?: unknown;
  /** The one picked earlier in this tab. */
  stored?: string | null;
  /** The signed-in user's own community (empty for a district admin). */
  own?: string;
  /** The communities the user may see (GET /api/communities). */
  communities: readonly Pick<CommunityView, 'id'>[];
}

/**
 * The community the admin pages show: the page's `?community=`, else the one picked earlier,
 * else the user's own, else the first listed; only ids of the listed communities count (the
 * API answers 403 for the others anyway). Undefined when the user sees no community.
 */
export function chooseCommunity(choice: CommunityChoice): string | undefined {
  const known = new Set(choice.communities.map((c) => c.id));
  const candidates = [typeof choice.query === 'string' ? choice.query : undefined, choice.stored, choice.own];
  return candidates.find((id): id is string => !!id && known.has(id)) ?? choice.communities[0]?.id;
}
