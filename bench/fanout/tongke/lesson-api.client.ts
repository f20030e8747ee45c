import type { CreateInstantLessonRequest, JoinLessonResponse, LiveSessionView, LoginResponse } from '@tongke/contracts';

/** The API's REST calls the lead teacher makes before joining: sign in, start an instant lesson, get a join token. */
export class LessonApiClient {
  private accessToken = '';

  constructor(private readonly baseUrl: string) {}

  private async call<T>(path: string, body: unknown): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  async login(username: string, password: string): Promise<void> {
    this.accessToken = (await this.call<LoginResponse>('/api/auth/login', { username, password })).accessToken;
  }

  createInstantLesson(body: CreateInstantLessonRequest): Promise<LiveSessionView> {
    return this.call<LiveSessionView>('/api/live-sessions', body);
  }

  join(sessionId: string): Promise<JoinLessonResponse> {
    return this.call<JoinLessonResponse>(`/api/live-sessions/${sessionId}/join`, {});
  }
}
