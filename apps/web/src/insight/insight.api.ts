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
import { apiFetch } from '../api/api-client';
import { ApiError } from '../api/api.error';
import { refreshSession } from '../auth/session.refresher';
import { accessTokenValid, readSignedInSession } from '../auth/session.storage';
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

async function bearer(): Promise<string | undefined> {
  const session = readSignedInSession();
  if (!session) return undefined;
  if (accessTokenValid(session)) return session.accessToken;
  return (await refreshSession(session))?.accessToken;
}

/** Fetches an export with the bearer token and saves it under the server's file name. */
export async function downloadExport(path: string, fallbackName: string): Promise<void> {
  const token = await bearer();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (err) {
    throw new ApiError('UNAVAILABLE', err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiError(body?.code ?? 'INTERNAL', body?.message ?? `HTTP ${res.status}`, res.status);
  }
  saveBlob(await res.blob(), filenameFromDisposition(res.headers.get('content-disposition'), fallbackName));
}
