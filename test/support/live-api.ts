import type { CreateInstantLessonRequest, LessonRecordView, LiveSessionView, LoginResponse } from '@tongke/contracts';
import { testBaseUrl } from './test-env';

/** Demo district facts the live e2e specs rely on (apps/api/src/seed/demo-district.data.ts). */
export const DEMO = {
  password: 'Tongke-demo-2026',
  teacher: 'music.li',
  assistant: 'assistant.liu',
  observer: 'research.sun',
  /** Rural classrooms 201, 202, 203 and their terminal accounts. */
  classrooms: [
    { id: '74e9c00000000000000000c9', terminal: 'terminal.2' },
    { id: '74e9c00000000000000000ca', terminal: 'terminal.3' },
    { id: '74e9c00000000000000000cb', terminal: 'terminal.4' },
  ],
} as const;

/** A JSON request to the platform's API (throws with the answer on a non-2xx status). */
export async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${testBaseUrl()}${path}`, { ...init, headers });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export function apiLogin(username: string): Promise<LoginResponse> {
  return call<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: DEMO.password }),
  });
}

export async function createInstantLesson(
  classroomIds: string[],
  overrides: Partial<CreateInstantLessonRequest> = {},
): Promise<LiveSessionView> {
  const { accessToken } = await apiLogin(DEMO.teacher);
  const body: CreateInstantLessonRequest = {
    title: '音乐：《茉莉花》',
    subject: 'music',
    grade: 4,
    classroomIds,
    ...overrides,
  };
  return call<LiveSessionView>('/api/live-sessions', {
    method: 'POST',
    token: accessToken,
    body: JSON.stringify(body),
  });
}

export async function lessonRecord(sessionId: string): Promise<LessonRecordView> {
  const { accessToken } = await apiLogin(DEMO.teacher);
  return call<LessonRecordView>(`/api/live-sessions/${sessionId}/record`, { token: accessToken });
}

/** Polls until `check` passes (returns normally) or the timeout expires, rethrowing its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000, intervalMs = 300): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
