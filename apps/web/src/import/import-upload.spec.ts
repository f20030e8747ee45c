import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LoginResponse } from '@tongke/contracts';
import { ApiError } from '../api/api.error';
import { SESSION_STORAGE_KEY } from '../auth/session.storage';
import { uploadImport, type UploadProgress } from './import-upload';

type Listener = (e: { lengthComputable?: boolean; loaded?: number; total?: number }) => void;

/** Just enough of XMLHttpRequest: records what was sent, and lets the test answer. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  private readonly listeners = new Map<string, Listener>();
  private readonly uploadListeners = new Map<string, Listener>();
  readonly upload = { addEventListener: (type: string, fn: Listener) => this.uploadListeners.set(type, fn) };
  readonly headers = new Map<string, string>();
  url = '';
  body: FormData | null = null;
  status = 0;
  responseText = '';

  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, fn);
  }
  open(method: string, url: string): void {
    this.url = `${method} ${url}`;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  send(body: FormData): void {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort(): void {
    this.listeners.get('abort')?.({});
  }
  progress(loaded: number, total: number): void {
    this.uploadListeners.get('progress')?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.listeners.get('load')?.({});
  }
}

const store = new Map<string, string>();
const fetchMock = jest.fn<typeof fetch>();

function session(accessToken: string, refreshToken: string): LoginResponse {
  const later = new Date(Date.now() + 60_000).toISOString();
  return {
    accessToken,
    expiresAt: later,
    refreshToken,
    refreshExpiresAt: later,
    user: { id: 'u1', username: 'admin', displayName: '王芳', roles: ['community_admin'], communityId: 'c1' },
  } as LoginResponse;
}

/** The next request the upload sends (it first reads the session asynchronously). */
async function nextRequest(count: number): Promise<FakeXhr> {
  for (let i = 0; i < 50 && FakeXhr.sent.length < count; i++) await new Promise((r) => setTimeout(r, 0));
  return FakeXhr.sent[count - 1];
}

const file = () => new File(['学校名称,城乡类型,学段\n'], '学校.csv', { type: 'text/csv' });

beforeEach(() => {
  FakeXhr.sent = [];
  store.clear();
  store.set(SESSION_STORAGE_KEY, JSON.stringify(session('tok-1', 'ref-1')));
  fetchMock.mockReset();
  Object.assign(globalThis, {
    XMLHttpRequest: FakeXhr,
    fetch: fetchMock,
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    },
    window: { dispatchEvent: () => true },
  });
});

describe(uploadImport.name, () => {
  it('sends kind and file with the bearer token, reports progress and answers the job', async () => {
    const seen: UploadProgress[] = [];
    const upload = uploadImport('c1', 'schools', file(), (p) => seen.push(p));
    const xhr = await nextRequest(1);
    expect(xhr.url).toBe('POST /api/communities/c1/imports');
    expect(xhr.headers.get('authorization')).toBe('Bearer tok-1');
    expect(xhr.body?.get('kind')).toBe('schools');
    expect((xhr.body?.get('file') as File).name).toBe('学校.csv');
    xhr.progress(50, 100);
    xhr.progress(100, 100);
    xhr.respond(202, { id: 'j1', status: 'validating' });
    await expect(upload.done).resolves.toEqual({ id: 'j1', status: 'validating' });
    expect(seen).toEqual([
      { loaded: 50, total: 100 },
      { loaded: 100, total: 100 },
    ]);
  });

  it("rejects with the server's error", async () => {
    const upload = uploadImport('c1', 'schools', file(), () => undefined);
    (await nextRequest(1)).respond(400, { code: 'BAD_FILE', message: 'the file is empty' });
    await expect(upload.done).rejects.toEqual(new ApiError('BAD_FILE', 'the file is empty', 400));
  });

  it('refreshes the session after a 401 and sends the file again', async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify(session('tok-2', 'ref-2')), { status: 200 }));
    const upload = uploadImport('c1', 'teachers', file(), () => undefined);
    (await nextRequest(1)).respond(401, { code: 'UNAUTHENTICATED', message: 'expired' });
    const retry = await nextRequest(2);
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/auth/refresh');
    expect(retry.headers.get('authorization')).toBe('Bearer tok-2');
    retry.respond(202, { id: 'j2' });
    await expect(upload.done).resolves.toEqual({ id: 'j2' });
  });

  it('can be cancelled', async () => {
    const upload = uploadImport('c1', 'schools', file(), () => undefined);
    await nextRequest(1);
    upload.abort();
    await expect(upload.done).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
