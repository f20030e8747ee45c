import { JwtService } from '@nestjs/jwt';
import { AuthConfig, LiveConfig, MediaServerConfig } from '@tongke/config';
import { SERVICE_TOKEN_AUDIENCE, type LessonRecordEvent } from '@tongke/contracts';
import { eventStamp, LessonRecordClient } from './lesson-record.client';

const SECRET = 'x'.repeat(40);

describe(LessonRecordClient.name, () => {
  const jwt = new JwtService({ secret: new AuthConfig(SECRET).jwtKey });
  const client = new LessonRecordClient(
    new LiveConfig('http://api.test', 1000, 1000),
    new MediaServerConfig('0.0.0.0', 3001, 'http://media.test', 'node-7', 5000),
    jwt,
  );
  const posted: { url: string; auth: string; body: LessonRecordEvent }[] = [];
  let answers: number[] = [];
  const fetchMock = jest.spyOn(global, 'fetch');

  beforeEach(() => {
    posted.length = 0;
    answers = [];
    fetchMock.mockImplementation(async (url, init) => {
      const body = JSON.parse(init?.body as string) as LessonRecordEvent;
      posted.push({ url: String(url), auth: (init?.headers as Record<string, string>).authorization, body });
      const status = answers.shift() ?? 201;
      return new Response(JSON.stringify({ eventId: body.eventId }), { status });
    });
    jest.spyOn(client['logger'], 'warn').mockImplementation(() => undefined);
    jest.spyOn(client['logger'], 'error').mockImplementation(() => undefined);
  });

  const chat = (text: string): LessonRecordEvent => ({
    type: 'chat.message',
    ...eventStamp(),
    who: { peerId: 'p', userId: 'u', name: 'A', role: 'classroom' as never, classroomId: 'c' },
    text,
  });

  it('posts with a short-lived service token naming this node', async () => {
    const event = chat('hi');
    await expect(client.store('s 1', event)).resolves.toEqual({ eventId: event.eventId });
    expect(posted[0].url).toBe('http://api.test/api/internal/live-sessions/s%201/events');
    const claims = jwt.verify<{ sub: string; exp: number; iat: number }>(posted[0].auth.replace('Bearer ', ''), {
      secret: SECRET,
      audience: SERVICE_TOKEN_AUDIENCE,
      algorithms: ['HS256'],
    });
    expect(claims.sub).toBe('node-7');
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(60);
  });

  it('retries transient failures with the same event id, then answers UNAVAILABLE', async () => {
    answers = [503, 502];
    const event = chat('again');
    await expect(client.store('s1', event)).resolves.toEqual({ eventId: event.eventId });
    expect(posted.map((p) => p.body.eventId)).toEqual([event.eventId, event.eventId, event.eventId]);
    posted.length = 0;
    answers = [503, 503, 503];
    await expect(client.store('s1', chat('lost'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(posted).toHaveLength(3);
  });

  it('does not retry a refusal', async () => {
    answers = [400];
    await expect(client.store('s1', chat('bad'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(posted).toHaveLength(1);
  });

  it('sends background events in order per session, retrying each before the next', async () => {
    answers = [503];
    const first = chat('first');
    const second = chat('second');
    client.report('s1', first);
    client.report('s1', second);
    await client.flush(20_000);
    expect(posted.map((p) => (p.body as { text: string }).text)).toEqual(['first', 'first', 'second']);
  });
});
