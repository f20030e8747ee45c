import {
  BALANCE_INDICATOR_IDS,
  INSIGHT_LIMITS,
  type BalanceIndicator,
  type InsightExportFormat,
  type InsightTable,
} from '@tongke/contracts/insight/insight-values';
import type { InsightQuery, InsightScopesView } from '@tongke/contracts/insight/insight-views';
import { addDays, isDate, monthStart, spanDays } from './insight-dates';

// The dashboard's selection (community, school, date range, balance indicator) lives in the
// page URL so reloads and shared links keep it. These map the route's query to a selection and
// back, fit the selection to what the viewer may see (their scopes), and supply the default range.

/** vue-router's LocationQuery, without depending on vue-router here. */
export type RouteQuery = Record<string, string | null | (string | null)[] | undefined>;

/** What the URL asks for (anything invalid dropped). */
export interface InsightSelection {
  from?: string;
  to?: string;
  communityId?: string;
  schoolId?: string;
  indicator?: BalanceIndicator;
}

/** The selection fitted to the viewer's scopes, with every default filled in. */
export interface ResolvedSelection extends InsightQuery {
  indicator: BalanceIndicator;
}

export type Term = InsightScopesView['terms'][number];
export type RangeProblem = 'invalid' | 'order' | 'tooLong';

/** A quick pick of the date range: the current term, a named term, this month or the last 30 days. */
export interface QuickRange {
  kind: 'currentTerm' | 'term' | 'thisMonth' | 'last30';
  name?: string;
  from: string;
  to: string;
}

/** The API's insight module. */
export const INSIGHT_API = '/api/insight';
export const DEFAULT_INDICATOR: BalanceIndicator = 'received_hours';
const ID = /^[0-9a-f]{24}$/;

function first(value: RouteQuery[string]): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

function dateParam(value: RouteQuery[string]): string | undefined {
  const v = first(value);
  return v && isDate(v) ? v : undefined;
}

function idParam(value: RouteQuery[string]): string | undefined {
  const v = first(value);
  return v && ID.test(v) ? v : undefined;
}

/** The selection the URL describes (invalid values are ignored: old links keep working). */
export function selectionFromRoute(route: RouteQuery): InsightSelection {
  const indicator = first(route.indicator);
  return {
    from: dateParam(route.from),
    to: dateParam(route.to),
    communityId: idParam(route.communityId),
    schoolId: idParam(route.schoolId),
    indicator: (BALANCE_INDICATOR_IDS as string[]).includes(indicator ?? '')
      ? (indicator as BalanceIndicator)
      : undefined,
  };
}

/** The URL query of a selection (unset fields left out). */
export function selectionToRoute(selection: InsightSelection): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['communityId', 'schoolId', 'from', 'to', 'indicator'] as const) {
    const v = selection[key];
    if (v) out[key] = v;
  }
  return out;
}

/** Terms of one community (or of all when none is chosen), newest start first. */
export function termsFor(terms: readonly Term[], communityId?: string): Term[] {
  return terms
    .filter((t) => !communityId || t.communityId === communityId)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/** The newest term that contains `today`. */
export function currentTerm(terms: readonly Term[], today: string, communityId?: string): Term | undefined {
  return termsFor(terms, communityId).find((t) => t.startDate <= today && today <= t.endDate);
}

/** The default range: the newest term containing today, from its start to today (no empty future months), else the last 30 days. */
export function defaultRange(
  terms: readonly Term[],
  today: string,
  communityId?: string,
): { from: string; to: string } {
  const term = currentTerm(terms, today, communityId);
  return term ? { from: term.startDate, to: today } : { from: addDays(today, -29), to: today };
}

/** 本学期至今, each term (one entry per distinct name and dates, whole), 本月 and 近30天. */
export function quickRanges(terms: readonly Term[], today: string, communityId?: string): QuickRange[] {
  const out: QuickRange[] = [];
  const current = currentTerm(terms, today, communityId);
  if (current) out.push({ kind: 'currentTerm', from: current.startDate, to: today });
  const seen = new Set<string>();
  for (const t of termsFor(terms, communityId)) {
    const key = `${t.name}|${t.startDate}|${t.endDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: 'term', name: t.name, from: t.startDate, to: t.endDate });
  }
  out.push({ kind: 'thisMonth', from: monthStart(today), to: today });
  out.push({ kind: 'last30', from: addDays(today, -29), to: today });
  return out;
}

/** Why a range can't be asked for, or null. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  if (!isDate(from) || !isDate(to)) return 'invalid';
  if (from > to) return 'order';
  return spanDays(from, to) > INSIGHT_LIMITS.maxRangeDays ? 'tooLong' : null;
}

/** Communities a viewer picks from and whether they may pick at all (district admins only). */
export const communityLocked = (scopes: InsightScopesView): boolean => scopes.level !== 'district';
/** School admins see their school only. */
export const schoolLocked = (scopes: InsightScopesView): boolean => scopes.level === 'school';

/** Schools offered by the school switcher: the chosen community's, or every visible one. */
export function schoolOptions(
  scopes: InsightScopesView,
  communityId?: string,
): { id: string; name: string; communityName: string }[] {
  return scopes.communities
    .filter((c) => !communityId || c.id === communityId)
    .flatMap((c) => c.schools.map((s) => ({ id: s.id, name: s.name, communityName: c.name })));
}

function fitCommunity(scopes: InsightScopesView, wanted?: string): string | undefined {
  if (communityLocked(scopes)) return scopes.communities[0]?.id;
  return scopes.communities.some((c) => c.id === wanted) ? wanted : undefined;
}

function fitSchool(scopes: InsightScopesView, communityId: string | undefined, wanted?: string): string | undefined {
  const options = schoolOptions(scopes, communityId);
  if (schoolLocked(scopes)) return options[0]?.id;
  return options.some((s) => s.id === wanted) ? wanted : undefined;
}

/** The selection fitted to the viewer's scopes: unknown ids dropped, locked levels pinned, defaults filled. */
export function resolveSelection(
  selection: InsightSelection,
  scopes: InsightScopesView,
  today: string,
): ResolvedSelection {
  const communityId = fitCommunity(scopes, selection.communityId);
  const schoolId = fitSchool(scopes, communityId, selection.schoolId);
  const range = defaultRange(scopes.terms, today, communityId);
  return {
    from: selection.from ?? range.from,
    to: selection.to ?? range.to,
    ...(communityId && { communityId }),
    ...(schoolId && { schoolId }),
    indicator: selection.indicator ?? DEFAULT_INDICATOR,
  };
}

/** The stages of the schools in scope (the balance verdict's national line depends on them). */
export function stagesInScope(scopes: InsightScopesView, query: InsightQuery): string[] {
  const stages = scopes.communities
    .filter((c) => !query.communityId || c.id === query.communityId)
    .flatMap((c) => c.schools.filter((s) => !query.schoolId || s.id === query.schoolId).map((s) => s.stage));
  return [...new Set(stages)];
}

/** The query string of an indicator endpoint (scope-only endpoints pass `withDates: false`). */
export function insightParams(query: InsightQuery, extra: Record<string, string> = {}, withDates = true): string {
  const params = new URLSearchParams();
  if (withDates) {
    params.set('from', query.from);
    params.set('to', query.to);
  }
  if (query.communityId) params.set('communityId', query.communityId);
  if (query.schoolId) params.set('schoolId', query.schoolId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/**
 * The live view's query: the selection's scope with `today` as the range. The live view takes no
 * dates, so a bad range in the URL must not stop it; its export sends this valid range.
 */
export function liveQueryOf(selection: InsightQuery, today: string): InsightQuery {
  return {
    from: today,
    to: today,
    ...(selection.communityId && { communityId: selection.communityId }),
    ...(selection.schoolId && { schoolId: selection.schoolId }),
  };
}

/** The export URL of one table with the dashboard's current query (every export takes a range). */
export function exportPath(
  table: InsightTable,
  format: InsightExportFormat,
  lang: 'zh-CN' | 'en',
  q: InsightQuery,
  indicator?: BalanceIndicator,
): string {
  const extra: Record<string, string> = { format, lang, ...(table === 'balance' && indicator ? { indicator } : {}) };
  return `${INSIGHT_API}/export/${table}?${insightParams(q, extra)}`;
}
