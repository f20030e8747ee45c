import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JwtService } from '@nestjs/jwt';
import {
  JOIN_TOKEN_AUDIENCE,
  LessonRole,
  type Ack,
  type JoinLessonResponse,
  type JoinTokenClaims,
  type LiveClientEvents,
  type LiveServerEvents,
} from '@tongke/contracts';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { launchChromium } from './support/browser';
import { apiLogin, createInstantLesson, DEMO } from './support/live-api';
import { LiveParticipant } from './support/live-participant';
import { testBaseUrl, testWorkDir } from './support/test-env';

// Hostile and confused clients against a running lesson: every bad request gets a clear
// error, and the teacher and a classroom in real Chromium keep decoding each other.

type LiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

async function joinToken(username: string, sessionId: string): Promise<JoinLessonResponse> {
  const { accessToken } = await apiLogin(username);
  const res = await fetch(`${testBaseUrl()}/api/live-sessions/${sessionId}/join`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as JoinLessonResponse;
}

function connect(mediaUrl: string, token: string): LiveSocket {
  return io(`${mediaUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Resolves with the connect_error's data, or fails if the connection is accepted. */
function refused(socket: LiveSocket): Promise<{ code: string; message: string }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connection was accepted')));
    socket.once('connect_error', (err) => resolve((err as Error & { data: { code: string; message: string } }).data));
  });
}

function connected(socket: LiveSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Emits any event with any payload (bypassing the typed map) and resolves with the ack. */
function send(socket: LiveSocket, event: string, payload: unknown): Promise<Ack<unknown>> {
  return (socket as unknown as Socket).timeout(5000).emitWithAck(event, payload) as Promise<Ack<unknown>>;
}

const errorCode = (ack: Ack<unknown>) => (ack.ok ? 'OK' : ack.error.code);

describe('live lesson: bad input never hurts the lesson', () => {
  let browser: Browser;
  let sessionId: string;
  let otherSessionId: string;
  let teacher: LiveParticipant;
  let classroom: LiveParticipant;
  let teacherPeer: string;
  let classroomPeer: string;
  const sockets: LiveSocket[] = [];

  const open = (mediaUrl: string, token: string) => {
    const s = connect(mediaUrl, token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    sessionId = (await createInstantLesson([DEMO.classrooms[0].id, DEMO.classrooms[1].id])).id;
    otherSessionId = (await createInstantLesson([DEMO.classrooms[2].id], { title: '另一节课' })).id;
    teacher = await LiveParticipant.open(browser, DEMO.teacher, sessionId);
    classroom = await LiveParticipant.open(browser, DEMO.classrooms[0].terminal, sessionId);
    teacherPeer = await teacher.peerId();
    classroomPeer = await classroom.peerId();
    await classroom.waitDecoding(teacherPeer, ['video/camera', 'audio/mic']);
  }, 90_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
  });

  it('refuses forged, expired and garbage tokens with clear codes', async () => {
    const { mediaUrl, token } = await joinToken(DEMO.classrooms[1].terminal, sessionId);
    expect(mediaUrl).toMatch(/^http:\/\/localhost:\d+$/);
    const claims = new JwtService().decode<JoinTokenClaims>(token);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);

    const secret = readFileSync(path.join(testWorkDir(), 'secrets', 'jwt-secret'), 'utf8').trim();
    const expired = await new JwtService({ secret }).signAsync(
      { sid: sessionId, sub: claims.sub, com: claims.com, role: LessonRole.CLASSROOM, cid: claims.cid, name: 'x' },
      { audience: JOIN_TOKEN_AUDIENCE, expiresIn: -10 },
    );
    const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync(
      { sid: sessionId, sub: claims.sub, com: claims.com, role: LessonRole.LEAD, name: 'x' },
      { audience: JOIN_TOKEN_AUDIENCE, expiresIn: 60 },
    );
    await expect(refused(open(mediaUrl, expired))).resolves.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(refused(open(mediaUrl, forged))).resolves.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(refused(open(mediaUrl, 'not-a-jwt'))).resolves.toMatchObject({ code: 'TOKEN_INVALID' });
    const noToken = io(`${mediaUrl}/live`, { transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(noToken);
    await expect(refused(noToken)).resolves.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('answers malformed and out-of-order requests with errors, and the socket keeps working', async () => {
    const { mediaUrl, token } = await joinToken(DEMO.classrooms[1].terminal, sessionId);
    const s = open(mediaUrl, token);
    await connected(s);
    const caps0 = await send(s, 'router:capabilities', {});
    expect(errorCode(await send(s, 'transport:create', { direction: 'sideways' }))).toBe('BAD_REQUEST');
    expect(errorCode(await send(s, 'transport:create', 'not an object'))).toBe('BAD_REQUEST');
    expect(errorCode(await send(s, 'chat:send', { text: 'x'.repeat(501) }))).toBe('BAD_REQUEST');
    expect(
      errorCode(await send(s, 'quiz:start', { question: 'q', kind: 'single', options: ['a'], durationSec: 1 })),
    ).toBe('BAD_REQUEST');
    // Out of order: connect/produce before anything exists, consume-side calls on unknown ids.
    expect(errorCode(await send(s, 'transport:connect', { transportId: 'nope', dtlsParameters: {} }))).toMatch(
      /NOT_FOUND|INVALID_STATE/,
    );
    expect(
      errorCode(
        await send(s, 'producer:create', { transportId: 'nope', kind: 'video', source: 'camera', rtpParameters: {} }),
      ),
    ).toMatch(/NOT_FOUND|INVALID_STATE/);
    expect(errorCode(await send(s, 'consumer:resume', { consumerId: 'nope' }))).toMatch(/NOT_FOUND|INVALID_STATE/);
    expect(errorCode(await send(s, 'chat:send', { text: 'before join' }))).toMatch(/INVALID_STATE/);
    // Join (with the router's own capabilities standing in for a browser's), then try the teacher's controls.
    const { rtpCapabilities } = (caps0 as { data: { rtpCapabilities: object } }).data;
    expect((await send(s, 'transport:create', { direction: 'recv' })).ok).toBe(true);
    expect(errorCode(await send(s, 'room:join', { rtpCapabilities, linkMode: 'upside-down' }))).toBe('BAD_REQUEST');
    expect(errorCode(await send(s, 'room:join', { rtpCapabilities }))).toBe('OK');
    expect(errorCode(await send(s, 'quiz:answer', { quizId: 'no-such-quiz', choices: [0] }))).toBe('QUIZ_CLOSED');
    expect(errorCode(await send(s, 'note:add', { text: 'only observers take notes' }))).toBe('FORBIDDEN');
    expect(errorCode(await send(s, 'lesson:end', {}))).toBe('FORBIDDEN');
    expect(errorCode(await send(s, 'stage:set', { peerId: classroomPeer }))).toBe('FORBIDDEN');
    expect(errorCode(await send(s, 'permissions:set', { peerId: teacherPeer, permissions: { audio: false } }))).toBe(
      'FORBIDDEN',
    );
    // Still connected, and a valid request works.
    const caps = await send(s, 'router:capabilities', {});
    expect(caps.ok).toBe(true);
    expect(s.connected).toBe(true);
  });

  it("can't touch another lesson's transports, and the lesson goes on for everyone", async () => {
    const other = await joinToken(DEMO.classrooms[2].terminal, otherSessionId);
    const s = open(other.mediaUrl, other.token);
    await connected(s);
    const created = await send(s, 'transport:create', { direction: 'recv' });
    expect(created.ok).toBe(true);
    const otherTransportId = (created as { data: { id: string } }).data.id;

    const mine = await joinToken(DEMO.classrooms[1].terminal, sessionId);
    const s2 = open(mine.mediaUrl, mine.token);
    await connected(s2);
    const ack = await send(s2, 'transport:connect', {
      transportId: otherTransportId,
      dtlsParameters: { role: 'client', fingerprints: [] },
    });
    expect(errorCode(ack)).toMatch(/NOT_FOUND|INVALID_STATE/);
    expect(errorCode(await send(s2, 'producer:pause', { producerId: 'x'.repeat(200) }))).toBe('BAD_REQUEST');

    await classroom.waitDecoding(teacherPeer, ['video/camera', 'audio/mic']);
    await teacher.waitDecoding(classroomPeer, ['video/camera', 'audio/mic']);
  });
});
