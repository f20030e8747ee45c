import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { JoinLessonResponse } from '@tongke/contracts';
import { LessonRole } from './contract-values';
import { LiveRequestError } from './live-request.error';
import { LiveSessionClient } from './live-session.client';
import { createLiveState } from './live-state';
import { offer, peer, roomJoined } from './testing/live-fixtures';

// The orchestration with the socket and mediasoup replaced: what it asks for, in which
// order, and how it recovers.

type Answer = (event: string, payload: unknown) => unknown;

class FakeRaw extends EventEmitter {
  active = true;
  recovered = false;
  connected = false;
  connect = jest.fn(() => this);
  disconnect = jest.fn(() => {
    this.connected = false;
    return this;
  });
}

class FakeSocket {
  static all: FakeSocket[] = [];
  static answer: Answer = () => ({});
  readonly raw = new FakeRaw();
  readonly request = jest.fn(async (event: string, payload: unknown) => {
    const a = FakeSocket.answer(event, payload);
    if (a instanceof Error) throw a;
    return a;
  });
  constructor(
    readonly url: string,
    readonly tokens: { token(): Promise<string> },
    readonly sessionId: string,
  ) {
    FakeSocket.all.push(this);
  }
  get connected() {
    return this.raw.connected;
  }
  get recovered() {
    return this.raw.recovered;
  }
  connect() {
    this.raw.connect();
  }
  close() {
    this.raw.removeAllListeners();
  }
  /** The server accepted the handshake. */
  up(recovered = false) {
    this.raw.connected = true;
    this.raw.recovered = recovered;
    this.raw.emit('connect');
  }
}

class FakeMedia {
  static all: FakeMedia[] = [];
  closed = false;
  restartIce = jest.fn<(id: string) => Promise<void>>(async () => undefined);
  consume = jest.fn(async () => ({}));
  constructor() {
    FakeMedia.all.push(this);
  }
  prepare = jest.fn(async () => ({ codecs: [] }));
  transports = () => [{ id: 'recv' }];
  transportState = () => 'connected';
  canProduce = () => false;
  consumer = () => undefined;
  closeConsumer = jest.fn();
  producer = () => undefined;
  close() {
    this.closed = true;
  }
}

// Getters: jest hoists these above the fake classes, which exist by the time the client runs.
jest.mock('./live-socket', () => ({
  get LiveSocket() {
    return FakeSocket;
  },
}));
jest.mock('./media-session', () => ({
  get MediaSession() {
    return FakeMedia;
  },
}));

const flush = () => new Promise((r) => setTimeout(r, 0));

function joinAnswer(role = LessonRole.OBSERVER): JoinLessonResponse {
  return {
    token: 'tok',
    mediaUrl: 'http://media.test',
    role,
    expiresAt: new Date(Date.now() + 300_000).toISOString(),
    session: { title: 'Music' } as JoinLessonResponse['session'],
  };
}

async function started(answers: Record<string, unknown> = {}) {
  const state = createLiveState('s1');
  const onError = jest.fn();
  const fetchJoin = jest.fn(async () => joinAnswer());
  const client = new LiveSessionClient({ sessionId: 's1', asObserver: true, state, fetchJoin, onError });
  FakeSocket.answer = (event) =>
    event in answers
      ? answers[event]
      : event === 'room:join'
        ? roomJoined(peer('me', { role: LessonRole.OBSERVER }), [peer('lead', { role: LessonRole.LEAD })])
        : {};
  await client.start();
  const socket = FakeSocket.all.at(-1)!;
  return { state, client, socket, fetchJoin, onError };
}

const events = (socket: FakeSocket) => socket.request.mock.calls.map((c) => c[0]);

describe(LiveSessionClient.name, () => {
  beforeEach(() => {
    FakeSocket.all = [];
    FakeMedia.all = [];
  });

  it('joins: join token, socket to the media node, transports, room:join; then live', async () => {
    const { state, socket, fetchJoin } = await started();
    expect(fetchJoin).toHaveBeenCalledWith('s1', 'observer');
    expect([socket.url, socket.sessionId]).toEqual(['http://media.test', 's1']);
    expect(socket.raw.connect).toHaveBeenCalled();
    socket.up();
    await flush();
    expect(FakeMedia.all[0].prepare).toHaveBeenCalledWith(false);
    expect(events(socket)).toEqual(['room:join']);
    expect(socket.request.mock.calls[0][1]).toEqual({ rtpCapabilities: { codecs: [] }, linkMode: 'full' });
    expect(state).toMatchObject({ status: 'live', role: LessonRole.OBSERVER, selfId: 'me', title: 'Music' });
  });

  it('acks consumer:new only once the local consumer exists', async () => {
    const { state, socket } = await started();
    socket.up();
    await flush();
    const ack = jest.fn();
    socket.raw.emit('consumer:new', offer('c1', 'lead'), ack);
    expect(ack).not.toHaveBeenCalled();
    await flush();
    expect(FakeMedia.all[0].consume).toHaveBeenCalled();
    expect(ack).toHaveBeenCalledWith({ ok: true, data: {} });
    expect(state.consumers.map((c) => c.id)).toEqual(['c1']);
  });

  it('answers consumer:new with an error when consuming fails', async () => {
    const { state, socket } = await started();
    socket.up();
    await flush();
    FakeMedia.all[0].consume.mockRejectedValueOnce(new Error('bad rtpParameters'));
    const ack = jest.fn();
    socket.raw.emit('consumer:new', offer('c1', 'lead'), ack);
    await flush();
    expect(ack).toHaveBeenCalledWith({ ok: false, error: { code: 'INTERNAL', message: 'bad rtpParameters' } });
    expect(state.consumers).toEqual([]);
  });

  it('after a recovered reconnect, restarts ICE and keeps its transports (no new join)', async () => {
    const { state, socket } = await started();
    socket.up();
    await flush();
    socket.raw.connected = false;
    socket.raw.emit('disconnect', 'transport close');
    expect(state.status).toBe('reconnecting');
    socket.up(true);
    await flush();
    expect(FakeMedia.all).toHaveLength(1);
    expect(FakeMedia.all[0].restartIce).toHaveBeenCalledWith('recv');
    expect(events(socket).filter((e) => e === 'room:join')).toHaveLength(1);
    expect(state.status).toBe('live');
  });

  it('after a reconnect the server did not recover, joins afresh with new transports', async () => {
    const { state, socket } = await started();
    socket.up();
    await flush();
    socket.raw.emit('disconnect', 'ping timeout');
    socket.up(false);
    await flush();
    expect(FakeMedia.all).toHaveLength(2);
    expect(FakeMedia.all[0].closed).toBe(true);
    expect(events(socket).filter((e) => e === 'room:join')).toHaveLength(2);
    expect(state.status).toBe('live');
  });

  it('starts over as a new connection when the recovered session no longer knows its transports', async () => {
    const { socket } = await started();
    socket.up();
    await flush();
    FakeMedia.all[0].restartIce.mockRejectedValueOnce(new LiveRequestError('NOT_FOUND', 'no such transport'));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    socket.up(true);
    await flush();
    expect(FakeMedia.all[0].closed).toBe(true);
    expect(socket.raw.disconnect).toHaveBeenCalled();
    expect(socket.raw.connect).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('fetches a fresh token and retries when the handshake says TOKEN_EXPIRED', async () => {
    jest.useFakeTimers();
    try {
      const { socket, fetchJoin } = await started();
      socket.raw.active = false;
      socket.raw.emit(
        'connect_error',
        Object.assign(new Error('expired'), { data: { code: 'TOKEN_EXPIRED', message: 'expired' } }),
      );
      await jest.advanceTimersByTimeAsync(600);
      expect(socket.raw.connect).toHaveBeenCalledTimes(2);
      await socket.tokens.token();
      expect(fetchJoin).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up with an error state when the token is for another lesson', async () => {
    const { state, socket } = await started();
    socket.raw.active = false;
    socket.raw.emit(
      'connect_error',
      Object.assign(new Error('invalid'), { data: { code: 'TOKEN_INVALID', message: 'other lesson' } }),
    );
    expect(state.status).toBe('error');
    expect(state.fatal).toEqual({ code: 'TOKEN_INVALID', message: 'other lesson' });
  });

  it('keeps retrying by itself on plain network errors', async () => {
    const { state, socket } = await started();
    socket.raw.emit('connect_error', new Error('xhr poll error'));
    expect(state.status).toBe('connecting');
    expect(socket.raw.connect).toHaveBeenCalledTimes(1);
  });

  it('ends for everyone on lesson:ended and says so when replaced by another connection', async () => {
    const a = await started();
    a.socket.up();
    await flush();
    a.socket.raw.emit('lesson:ended', { reason: 'ended_by_teacher' });
    expect(a.state).toMatchObject({ status: 'ended', endReason: 'ended_by_teacher' });
    expect(FakeMedia.all[0].closed).toBe(true);
    const b = await started();
    b.socket.up();
    await flush();
    b.socket.raw.emit('peer:replaced');
    expect(b.state).toMatchObject({ status: 'error', fatal: { code: 'REPLACED' } });
  });

  it('shows an API refusal of the join (e.g. not invited) as an error state', async () => {
    const state = createLiveState('s1');
    const fetchJoin = jest.fn(async (): Promise<JoinLessonResponse> => {
      throw Object.assign(new Error('not invited'), { code: 'FORBIDDEN' });
    });
    await new LiveSessionClient({ sessionId: 's1', asObserver: false, state, fetchJoin, onError: jest.fn() }).start();
    expect(state).toMatchObject({ status: 'error', fatal: { code: 'FORBIDDEN', message: 'not invited' } });
  });
});
