import type { InsightQuery, InsightScopesView } from '@tongke/contracts/insight/insight-views';
import { computed, onMounted, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { errorMessage } from '../api/error-message';
import { getInsightScopes } from './insight.api';
import { localDate } from './insight-dates';
import {
  liveQueryOf,
  rangeProblem,
  resolveSelection,
  selectionFromRoute,
  selectionToRoute,
  type InsightSelection,
  type RangeProblem,
  type ResolvedSelection,
} from './insight-query';

export interface InsightQueryState {
  scopes: Ref<InsightScopesView | null>;
  scopesError: Ref<string>;
  today: string;
  /** The URL's selection fitted to the scopes (null until the scopes load). */
  selection: ComputedRef<ResolvedSelection | null>;
  problem: ComputedRef<RangeProblem | null>;
  /** The query every card fetches with; null while the scopes load or the range is invalid. */
  query: ComputedRef<InsightQuery | null>;
  /** The live view's query (liveQueryOf): set even when the URL's range is invalid. */
  liveQuery: ComputedRef<InsightQuery | null>;
  /** Changes part of the selection (kept in the URL). */
  update(patch: InsightSelection): void;
}

/** The dashboard's selection, kept in the URL query, and the viewer's scopes. */
export function useInsightQuery(): InsightQueryState {
  const { t, te } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const scopes = shallowRef<InsightScopesView | null>(null);
  const scopesError = ref('');
  const today = localDate(new Date());

  const selection = computed(() =>
    scopes.value ? resolveSelection(selectionFromRoute(route.query), scopes.value, today) : null,
  );
  const problem = computed(() => (selection.value ? rangeProblem(selection.value.from, selection.value.to) : null));
  const query = computed<InsightQuery | null>(() => {
    const s = selection.value;
    if (!s || problem.value) return null;
    return { from: s.from, to: s.to, communityId: s.communityId, schoolId: s.schoolId };
  });

  const liveQuery = computed<InsightQuery | null>(() => (selection.value ? liveQueryOf(selection.value, today) : null));

  function update(patch: InsightSelection): void {
    const next = { ...selection.value, ...patch };
    void router.replace({ query: selectionToRoute(next) });
  }

  // Write the fitted selection (defaults, pinned scope) back so the URL always names what is shown.
  watch(selection, (s) => {
    if (!s) return;
    const wanted = selectionToRoute(s);
    const current = selectionToRoute(selectionFromRoute(route.query));
    if (JSON.stringify(wanted) !== JSON.stringify(current)) void router.replace({ query: wanted });
  });

  onMounted(async () => {
    try {
      scopes.value = await getInsightScopes();
    } catch (err) {
      scopesError.value = errorMessage(err, t, te);
    }
  });

  return { scopes, scopesError, today, selection, problem, query, liveQuery, update };
}
