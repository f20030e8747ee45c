import type {
  CreateSeriesRequest,
  DownloadView,
  PlaybackView,
  ResourcePage,
  ResourceSearchQuery,
  ResourceView,
  SeriesView,
  TimeshiftView,
  UpdateResourceRequest,
  UpdateSeriesRequest,
} from '@tongke/contracts';
import { refreshSession } from '../auth/session.refresher';
import { accessTokenValid, readSignedInSession } from '../auth/session.storage';
import { apiSearchParams } from '../library/library-query';
import { apiFetch, jsonBody } from './api-client';

// The lesson library's REST calls (/api/library), the tus upload endpoint and the live
// lesson's time-shift playlist.

const enc = encodeURIComponent;
const resource = (id: string) => `/api/library/resources/${enc(id)}`;
const series = (id: string) => `/api/library/series/${enc(id)}`;

/** tus 1.0 endpoint of resumable uploads (Upload-Metadata: uploadMetadataSchema's keys). */
export const UPLOAD_ENDPOINT = '/api/library/uploads';

export function searchResources(q: ResourceSearchQuery, pageSize?: number): Promise<ResourcePage> {
  return apiFetch<ResourcePage>(`/api/library/resources${apiSearchParams(q, pageSize)}`);
}

export function getResource(id: string): Promise<ResourceView> {
  return apiFetch<ResourceView>(resource(id));
}

export function updateResource(id: string, body: UpdateResourceRequest): Promise<ResourceView> {
  return apiFetch<ResourceView>(resource(id), jsonBody('PATCH', body));
}

export function deleteResource(id: string): Promise<unknown> {
  return apiFetch<unknown>(resource(id), { method: 'DELETE' });
}

/** Signed HLS/MP4 links (409 NOT_READY while processing); counts a view. */
export function getPlayback(id: string): Promise<PlaybackView> {
  return apiFetch<PlaybackView>(`${resource(id)}/playback`);
}

/** A signed MP4 link; counts a download. */
export function getDownload(id: string): Promise<DownloadView> {
  return apiFetch<DownloadView>(`${resource(id)}/download`);
}

export function setFavourite(id: string, favourite: boolean): Promise<unknown> {
  return apiFetch<unknown>(`${resource(id)}/favourite`, { method: favourite ? 'PUT' : 'DELETE' });
}

/** The series the caller may see. */
export function listSeries(): Promise<SeriesView[]> {
  return apiFetch<SeriesView[]>('/api/library/series');
}

/** One series with its visible resources, in order. */
export function getSeries(id: string): Promise<SeriesView> {
  return apiFetch<SeriesView>(series(id));
}

export function createSeries(body: CreateSeriesRequest): Promise<SeriesView> {
  return apiFetch<SeriesView>('/api/library/series', jsonBody('POST', body));
}

export function updateSeries(id: string, body: UpdateSeriesRequest): Promise<SeriesView> {
  return apiFetch<SeriesView>(series(id), jsonBody('PATCH', body));
}

export function deleteSeries(id: string): Promise<unknown> {
  return apiFetch<unknown>(series(id), { method: 'DELETE' });
}

/** GET /api/live-sessions/:id/timeshift: the lesson so far (409 NOT_READY when nothing is playable yet). */
export function getTimeshift(sessionId: string): Promise<TimeshiftView> {
  return apiFetch<TimeshiftView>(`/api/live-sessions/${enc(sessionId)}/timeshift`);
}

/** A usable access token for requests apiFetch doesn't make (tus uploads), refreshed if it expired. */
export async function accessToken(): Promise<string | null> {
  const session = readSignedInSession();
  if (!session) return null;
  if (accessTokenValid(session, Date.now() + 10_000)) return session.accessToken;
  return (await refreshSession(session))?.accessToken ?? null;
}

/** The upload size limit the tus server announces (`Tus-Max-Size`), if it does. */
export async function uploadMaxBytes(): Promise<number | undefined> {
  try {
    const token = await accessToken();
    const res = await fetch(UPLOAD_ENDPOINT, {
      method: 'OPTIONS',
      headers: { 'Tus-Resumable': '1.0.0', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const max = Number(res.headers.get('Tus-Max-Size'));
    return res.ok && Number.isFinite(max) && max > 0 ? max : undefined;
  } catch {
    return undefined;
  }
}
