import type { SharedFileView } from '@tongke/contracts';
import { readStoredSession } from '../auth/session.storage';
import { LiveRequestError } from './live-request.error';

/** Downloads a file shared in the lesson (its URL needs the user's bearer token, so no plain link). */
export async function downloadSharedFile(file: SharedFileView): Promise<void> {
  const token = readStoredSession()?.accessToken;
  const res = await fetch(file.url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new LiveRequestError(res.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', `HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
