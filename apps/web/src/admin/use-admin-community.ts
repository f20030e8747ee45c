import type { CommunityView } from '@tongke/contracts';
import { computed, type ComputedRef, type Ref, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { listCommunities } from '../api/admin.api';
import { useSession } from '../auth/session.store';
import { chooseCommunity, SELECTED_COMMUNITY_KEY } from './community-selection';

export interface AdminCommunity {
  communities: Ref<CommunityView[] | null>;
  communityId: Ref<string | undefined>;
  community: ComputedRef<CommunityView | undefined>;
  /** Loads the communities the user may see and picks one (throws the API's error). */
  load(): Promise<void>;
  /** Shows another community (kept in the page's `?community=` and for this tab). */
  select(id: string): void;
  /** Puts a new or changed community into the list. */
  upsert(view: CommunityView): void;
}

function storedChoice(): string | null {
  try {
    return sessionStorage.getItem(SELECTED_COMMUNITY_KEY);
  } catch {
    return null;
  }
}

/** The community the admin pages work on: the district admin's pick, else the user's own. */
export function useAdminCommunity(): AdminCommunity {
  const route = useRoute();
  const router = useRouter();
  const { user } = useSession();
  const communities = ref<CommunityView[] | null>(null);
  const communityId = ref<string>();
  const community = computed(() => communities.value?.find((c) => c.id === communityId.value));

  function select(id: string): void {
    communityId.value = id;
    try {
      sessionStorage.setItem(SELECTED_COMMUNITY_KEY, id);
    } catch {
      // Storage off (private mode): the pick lasts for this page only.
    }
    if (route.query.community !== id) void router.replace({ query: { ...route.query, community: id } });
  }
  async function load(): Promise<void> {
    communities.value = await listCommunities();
    const own = user.value?.communityId || undefined;
    const id = chooseCommunity({
      query: route.query.community,
      stored: storedChoice(),
      own,
      communities: communities.value,
    });
    if (id) select(id);
  }
  function upsert(view: CommunityView): void {
    const list = communities.value ?? [];
    communities.value = list.some((c) => c.id === view.id)
      ? list.map((c) => (c.id === view.id ? view : c))
      : [...list, view];
  }
  return { communities, communityId, community, load, select, upsert };
}
