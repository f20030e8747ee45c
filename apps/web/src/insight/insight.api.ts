import type { BalanceIndicator } from '@tongke/contracts/insight/insight-values';
import type {
  BalanceView,
  CoverageView,
  InsightOverview,
  InsightQuery,
  InsightSchoolsView,
  InsightScopesView,
  LibraryUseView,
  LiveOpsView,
  TrendView,
} from '@tongke/contracts/insight/insight-views';
import { apiErrorOf, apiFetch, authorizedFetch } from '../api/api-client';
import { filenameFromDisposition, saveBlob } from './insight-download';
import { INSIGHT_API, insightParams } from './insight-query';

// The API's insight module (GET only; the server scopes every answer to the viewer).

const BASE = INSIGHT_API;

export const getInsightScopes = (): Promise<InsightScopesView> => apiFetch<InsightScopesView>(`${BASE}/scopes`);

export const getOverview = (q: InsightQuery): Promise<InsightOverview> =>
  apiFetch<InsightOverview>(`${BASE}/overview?${insightParams(q)}`);

export const getSchools = (q: InsightQuery): Promise<InsightSchoolsView> =>
  apiFetch<InsightSchoolsView>(`${BASE}/schools?${insightParams(q)}`);

export const getCoverage = (q: InsightQuery): Promise<CoverageView> =>
  apiFetch<CoverageView>(`${BASE}/coverage?${insightParams(q)}`);

export const getTrend = (q: InsightQuery): Promise<TrendView> =>
  apiFetch<TrendView>(`${BASE}/trend?${insightParams(q)}`);

export const getLibraryUse = (q: InsightQuery): Promise<LibraryUseView> =>
  apiFetch<LibraryUseView>(`${BASE}/library?${insightParams(q)}`);

export const getBalance = (q: InsightQuery, indicator: BalanceIndicator): Promise<BalanceView> =>
  apiFetch<BalanceView>(`${BASE}/balance?${insightParams(q, { indicator })}`);

/** Lessons live now: scope only, no dates. */
export const getLiveOps = (q: InsightQuery): Promise<LiveOpsView> =>
  apiFetch<LiveOpsView>(`${BASE}/live?${insightParams(q, {}, false)}`);

/** What an export may answer: the file, or a JSON error. */
const EXPORT_ACCEPT = 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json';

/**
 * Fetches an export like every other call (bearer token, refresh and retry on 401) and saves it
 * under the server's file name; a refusal throws the server's ApiError (its code and message).
 */
export async function downloadExport(path: string, fallbackName: string): Promise<void> {
  const res = await authorizedFetch(path, { headers: { accept: EXPORT_ACCEPT } });
  if (!res.ok) throw await apiErrorOf(res);
  saveBlob(await res.blob(), filenameFromDisposition(res.headers.get('content-disposition'), fallbackName));
}
