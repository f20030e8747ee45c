import type { BellPeriod, CommunityView, CurrentUser, TermView, TimetableEntry } from '@tongke/contracts';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import {
  getBellSchedule,
  getTimetable,
  listCommunities,
  listCommunityClassrooms,
  listSchools,
  listTeachers,
  listTerms,
} from '../api/schedule.api';
import { useSession } from '../auth/session.store';
import {
  bellSchoolId,
  canEditSchedules,
  type Directory,
  initialSelection,
  parseSelection,
  type Selection,
  selectionQuery,
  timetableQuery,
} from './timetable-selection';
import { todayIn } from './week-dates';
import { buildWeekGrid } from './week-grid';

const DEFAULT_ZONE = 'Asia/Shanghai';
type OnError = (err: unknown) => void;

/** The community to show: the one asked for if the user may see it, else their own (a district admin's first). */
async function fetchCommunities(asked: string | undefined, user: CurrentUser | null) {
  const communities = await listCommunities().catch((): CommunityView[] => []);
  const ids = communities.map((c) => c.id);
  const mine = user?.communityId;
  const communityId = asked && (ids.includes(asked) || asked === mine) ? asked : mine || ids[0] || '';
  return { communities, communityId };
}

/** The schools, classrooms, teachers (admins only) and terms to pick from. */
async function fetchDirectory(communityId: string, user: CurrentUser | null) {
  const [schools, classrooms, teachers, terms] = await Promise.all([
    listSchools(communityId),
    listCommunityClassrooms(communityId),
    canEditSchedules(user) ? listTeachers(communityId).catch(() => []) : Promise.resolve([]),
    listTerms(communityId),
  ]);
  return { directory: { schools, classrooms, teachers } satisfies Directory, terms };
}

/** The selected week's lessons, fetched again whenever the selection changes (older answers dropped). */
function useWeekEntries(selection: Ref<Selection | null>, onError: OnError) {
  const entries = shallowRef<TimetableEntry[]>([]);
  let latest = 0;
  async function reload(): Promise<void> {
    const sel = selection.value;
    if (!sel?.communityId) return;
    const mine = ++latest;
    try {
      const list = await getTimetable(sel.communityId, timetableQuery(sel));
      if (mine === latest) entries.value = list;
    } catch (err) {
      if (mine === latest) entries.value = [];
      onError(err);
    }
  }
  return { entries, reload };
}

/** The bell periods of the school whose periods are the rows. */
function useBellPeriods(communityId: () => string, schoolId: Ref<string | undefined>, onError: OnError) {
  const periods = shallowRef<BellPeriod[]>([]);
  watch(schoolId, async (id) => {
    periods.value = [];
    if (!id || !communityId()) return;
    try {
      const bell = await getBellSchedule(communityId(), id);
      if (schoolId.value === id) periods.value = [...bell.periods].sort((a, b) => a.index - b.index);
    } catch (err) {
      onError(err);
    }
  });
  return periods;
}

/** The week view's state: what is selected (mirrored in the URL), the directory to pick from, the week's lessons. */
export function useTimetable(onError: OnError) {
  const route = useRoute();
  const router = useRouter();
  const { user } = useSession();
  const communities = shallowRef<CommunityView[]>([]);
  const terms = shallowRef<TermView[]>([]);
  const directory = shallowRef<Directory>({ schools: [], classrooms: [], teachers: [] });
  const selection = ref<Selection | null>(null);
  const loading = ref(true);

  const term = computed(() => terms.value.find((t) => t.id === selection.value?.termId));
  const today = () => todayIn(term.value?.timeZone ?? DEFAULT_ZONE);
  const bellSchool = computed(() =>
    selection.value ? bellSchoolId(selection.value, directory.value, user.value) : undefined,
  );
  const periods = useBellPeriods(() => selection.value?.communityId ?? '', bellSchool, onError);
  const { entries, reload } = useWeekEntries(selection, onError);
  const grid = computed(
    () => selection.value && buildWeekGrid(selection.value.week, periods.value, entries.value, term.value),
  );

  /** Opens the asked community (or the URL's, or the user's) with what the URL selects. */
  async function open(communityId?: string): Promise<void> {
    loading.value = true;
    try {
      const asked = parseSelection(route.query);
      const found = await fetchCommunities(communityId ?? asked.communityId, user.value);
      communities.value = found.communities;
      if (!found.communityId) return;
      const loaded = await fetchDirectory(found.communityId, user.value);
      [directory.value, terms.value] = [loaded.directory, loaded.terms];
      const zoneToday = (zone?: string) => todayIn(zone ?? DEFAULT_ZONE);
      selection.value = initialSelection(asked, found.communityId, loaded.terms, user.value, zoneToday);
    } catch (err) {
      onError(err);
    } finally {
      loading.value = false;
    }
  }

  watch(
    selection,
    (sel) => {
      if (!sel) return;
      void router.replace({ query: selectionQuery(sel) });
      void reload();
    },
    { deep: true },
  );

  const update = (patch: Partial<Selection>) => {
    if (selection.value) selection.value = { ...selection.value, ...patch };
  };

  return {
    communities,
    terms,
    term,
    directory,
    periods,
    entries,
    selection,
    loading,
    grid,
    today,
    open,
    reload,
    update,
  };
}
