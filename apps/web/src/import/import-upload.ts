import type { ErrorBody, ImportJobView, ImportKind, LoginResponse } from '@tongke/contracts';
import { ApiError } from '../api/api.error';
import { endSession, refreshSession } from '../auth/session.refresher';
import { accessTokenValid, readSignedInSession } from '../auth/session.storage';
import { importsPath } from './imports.api';

/** Bytes sent so far of the request body (the file and the form around it). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface ImportUpload {
  /** The job the API created (202), or an ApiError with the server's `{ code, message }`. */
  done: Promise<ImportJobView>;
  abort(): void;
}

interface Answer {
  status: number;
  text: string;
}

function errorOf({ status, text }: Answer): ApiError {
  let body: Partial<ErrorBody> = {};
  try {
    body = JSON.parse(text) as Partial<ErrorBody>;
  } catch {
    // not JSON: answered by the status below
  }
  const code = typeof body.code === 'string' ? body.code : status === 413 ? 'BAD_FILE' : 'INTERNAL';
  return new ApiError(code, typeof body.message === 'string' ? body.message : `HTTP ${status}`, status);
}

/** The signed-in session with a usable access token (refreshed first if it expired), or null. */
async function currentSession(): Promise<LoginResponse | null> {
  const session = readSignedInSession();
  if (!session || accessTokenValid(session)) return session;
  return refreshSession(session);
}

/**
 * POST /api/communities/:id/imports as multipart (`kind`, `file`) with XMLHttpRequest, whose
 * upload progress events fetch() doesn't offer. Tokens are handled as apiFetch does: refreshed
 * when expired, and once more after a 401 (then the upload is sent again).
 */
export function uploadImport(
  communityId: string,
  kind: ImportKind,
  file: File,
  onProgress: (p: UploadProgress) => void,
): ImportUpload {
  let xhr: XMLHttpRequest | null = null;
  let aborted = false;

  function send(token: string | undefined): Promise<Answer> {
    return new Promise((resolve, reject) => {
      if (aborted) return reject(new ApiError('ABORTED', 'the upload was cancelled', 0));
      const request = (xhr = new XMLHttpRequest());
      request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
      });
      request.addEventListener('load', () => resolve({ status: request.status, text: request.responseText }));
      request.addEventListener('error', () => reject(new ApiError('UNAVAILABLE', 'the upload failed (network)', 0)));
      request.addEventListener('abort', () => reject(new ApiError('ABORTED', 'the upload was cancelled', 0)));
      request.open('POST', importsPath(communityId));
      request.setRequestHeader('accept', 'application/json');
      if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      request.send(form);
    });
  }

  async function run(): Promise<ImportJobView> {
    const session = await currentSession();
    let answer = await send(session?.accessToken);
    if (answer.status === 401 && session) {
      const renewed = await refreshSession(session);
      if (renewed) answer = await send(renewed.accessToken);
      if (renewed && answer.status === 401) endSession();
    }
    if (answer.status >= 200 && answer.status < 300) return JSON.parse(answer.text) as ImportJobView;
    throw errorOf(answer);
  }

  return {
    done: run(),
    abort: () => {
      aborted = true;
      xhr?.abort();
    },
  };
}
