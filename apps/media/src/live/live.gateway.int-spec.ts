import { LessonRole, type ConsumerOffer, type PeerView } from '@tongke/contracts';
import { LiveGateway } from './live.gateway';
import { FAKE_DTLS } from './testing/live-test.client';
import { eventually, LiveTestHarness } from './testing/live-test.harness';

const LEAD = { role: LessonRole.LEAD, sub: 'teacher-1', name: 'Li' };
const A = { role: LessonRole.CLASSROOM, sub: 'terminal-a', cid: 'room-a', name: 'Room A' };
const B = { role: LessonRole.CLASSROOM, sub: 'terminal-b', cid: 'room-b', name: 'Room B' };
const ASSISTANT_A = { role: LessonRole.ASSISTANT, sub: 'assistant-a', cid: 'room-a', name: 'Liu' };
const OBSERVER = { role: LessonRole.OBSERVER, sub: 'research-1', name: 'Sun' };

let n = 0;
const newSession = () => `gw-${process.pid}-${++n}`;

/** Against a real mediasoup worker; the lesson record API is a local stub. */
describe(LiveGateway.name, () => {
  const h = new LiveTestHarness({ LIVE_ROOM_EMPTY_GRACE_MS: '400', LIVE_PEER_RECONNECT_GRACE_MS: '600' });

  beforeAll(() => h.start());
  afterAll(() => h.close());
  afterEach(() => expect(h.records.refused).toEqual([]));

  it('refuses missing, forged, expired, foreign and malformed join tokens with a code', async () => {
    const sid = newSession();
    const claims = h.claims(sid, A);
    expect(await h.refusal({})).toBe('TOKEN_INVALID');
    expect(await h.refusal('not-a-jwt')).toBe('TOKEN_INVALID');
    expect(await h.refusal(h.token(claims, { secret: 'another-secret-another-secret-1234' }))).toBe('TOKEN_INVALID');
    expect(await h.refusal(h.token(claims, { audience: 'tongke-internal' }))).toBe('TOKEN_INVALID');
    expect(await h.refusal(h.token(claims, { expiresIn: -10 }))).toBe('TOKEN_EXPIRED');
    expect(await h.refusal({ token: h.token(claims), sessionId: 'another-lesson' })).toBe('TOKEN_INVALID');
    expect(await h.refusal(h.token({ ...claims, cid: undefined }))).toBe('TOKEN_INVALID');
    expect(await h.refusal(h.token({ ...claims, role: 'principal' }))).toBe('TOKEN_INVALID');
    const ok = await h.connect({ token: h.token(claims), sessionId: sid });
    expect(ok.socket.connected).toBe(true);
  });

  it('answers malformed payloads with BAD_REQUEST and the zod message, and keeps the socket usable', async () => {
    const lead = await h.join(newSession(), LEAD);
    const bad = async (event: Parameters<typeof lead.request>[0], payload: unknown) => {
      const res = await lead.request(event, payload);
      return res.ok ? 'OK' : `${res.error.code}: ${res.error.message}`;
    };
    expect(await bad('transport:create', { direction: 'sideways' })).toMatch(/^BAD_REQUEST: direction: /);
    expect(await bad('transport:create', { direction: 'send', extra: 1 })).toMatch(/^BAD_REQUEST: .*extra/);
    expect(await bad('router:capabilities', 'nonsense')).toMatch(/^BAD_REQUEST/);
    expect(await bad('chat:send', { text: '   ' })).toMatch(/^BAD_REQUEST: text: /);
    expect(await bad('quiz:start', { question: 'q', kind: 'single', options: ['x'], durationSec: 30 })).toMatch(
      /^BAD_REQUEST: options: /,
    );
    expect(await bad('whiteboard:stroke', { id: 's', points: [[0, 2]], color: 'red', width: 1, tool: 'pen' })).toMatch(
      /^BAD_REQUEST/,
    );
    expect(await bad('peer:mute', undefined)).toMatch(/^BAD_REQUEST/);
    expect(lead.socket.connected).toBe(true);
    expect(await bad('router:capabilities', {})).toBe('OK');
  });

  it('refuses out-of-order requests and unknown or foreign ids without harm', async () => {
    const sid = newSession();
    const a = await h.join(sid, A);
    const b = await h.join(sid, B);
    const observer = await h.join(sid, OBSERVER);
    await b.enter({ send: true });
    expect(await a.errorOf('transport:connect', { transportId: 'nope', dtlsParameters: FAKE_DTLS })).toBe('NOT_FOUND');
    expect(await a.errorOf('room:join', { rtpCapabilities: { codecs: [] } })).toBe('INVALID_STATE');
    const send = await a.ok('transport:create', { direction: 'send' });
    const producerReq = { transportId: send.id, kind: 'audio', source: 'mic', rtpParameters: {} };
    expect(await a.errorOf('producer:create', producerReq)).toBe('INVALID_STATE');
    const recv = await a.ok('transport:create', { direction: 'recv' });
    expect(await a.errorOf('room:join', { rtpCapabilities: { codecs: 'x' } })).toBe('BAD_REQUEST');
    a.caps = (await a.ok('router:capabilities', {})).rtpCapabilities;
    await a.ok('room:join', { rtpCapabilities: a.caps });
    expect(await a.errorOf('room:join', { rtpCapabilities: a.caps })).toBe('INVALID_STATE');
    a.transports = { send: send.id, recv: recv.id };
    expect(await a.errorOf('producer:create', producerReq)).toBe('INVALID_STATE'); // not connected
    expect(await a.errorOf('producer:create', { ...producerReq, transportId: recv.id })).toBe('INVALID_STATE');
    expect(await a.errorOf('transport:connect', { transportId: send.id, dtlsParameters: {} })).toBe('BAD_REQUEST');
    await a.ok('transport:connect', { transportId: send.id, dtlsParameters: FAKE_DTLS });
    expect(await a.errorOf('transport:connect', { transportId: send.id, dtlsParameters: FAKE_DTLS })).toBe(
      'INVALID_STATE',
    );
    expect(await a.errorOf('producer:create', { ...producerReq, kind: 'video' })).toBe('BAD_REQUEST');
    expect(await a.errorOf('producer:create', { ...producerReq, rtpParameters: { codecs: [] } })).toBe('BAD_REQUEST');
    expect(await a.errorOf('producer:create', { ...producerReq, source: 'screen', kind: 'video' })).toBe('FORBIDDEN');
    // Another participant's ids are as unknown as made-up ones.
    const bMic = await b.produce('mic');
    expect(await a.errorOf('producer:pause', { producerId: bMic })).toBe('NOT_FOUND');
    expect(await a.errorOf('transport:restartIce', { transportId: b.transports.send })).toBe('NOT_FOUND');
    expect(await a.errorOf('consumer:resume', { consumerId: 'nope' })).toBe('NOT_FOUND');
    expect(await a.errorOf('consumer:setPreferredLayers', { consumerId: 'nope', spatialLayer: 1 })).toBe('NOT_FOUND');
    expect(await observer.errorOf('transport:create', { direction: 'send' })).toBe('FORBIDDEN');
    expect(await a.errorOf('quiz:end', { quizId: 'nope' })).toBe('FORBIDDEN');
    // The lesson goes on.
    expect(await a.produce('mic')).toEqual(expect.any(String));
    expect((await a.ok('transport:restartIce', { transportId: recv.id })).iceParameters).toHaveProperty(
      'usernameFragment',
    );
  });

  it('creates consumers per the visibility policy and resumes each on its ack', async () => {
    const sid = newSession();
    const [lead, a, b, assistant, observer] = await Promise.all(
      [LEAD, A, B, ASSISTANT_A, OBSERVER].map((who) => h.join(sid, who)),
    );
    await lead.enter({ send: true });
    await a.enter({ send: true });
    const bJoined = await b.enter({ send: true });
    await assistant.enter({ send: false });
    const obsJoined = await observer.enter({ send: false });
    const id = (c: typeof lead) => c.joined?.self.id as string;
    expect(bJoined.peers.map((p) => p.role).sort()).toEqual(['classroom', 'lead']);
    expect(obsJoined.peers.map((p) => p.role).sort()).toEqual(['assistant', 'classroom', 'classroom', 'lead']);
    await lead.waitFor<PeerView>('peer:joined', (p) => p.role === LessonRole.OBSERVER);
    expect(a.payloads<PeerView>('peer:joined').some((p) => p.role === LessonRole.OBSERVER)).toBe(false);

    await lead.produce('camera', { simulcast: true });
    await lead.produce('mic');
    await lead.produce('screen');
    for (const c of [a, b]) {
      await c.produce('camera');
      await c.produce('mic');
    }
    await eventually(() => {
      expect(a.offeredSources(id(lead))).toEqual(['camera', 'mic', 'screen']);
      expect(b.offeredSources(id(lead))).toEqual(['camera', 'mic', 'screen']);
      expect(lead.offeredSources(id(a))).toEqual(['camera', 'mic']);
      expect(lead.offeredSources(id(b))).toEqual(['camera', 'mic']);
      expect(assistant.offeredSources(id(lead))).toEqual(['camera', 'screen']);
      expect(observer.offers).toHaveLength(7);
    });
    expect(a.offeredSources(id(b))).toEqual([]);
    expect(assistant.offers).toHaveLength(2);
    expect(a.offers.find((o) => o.source === 'camera')?.type).toBe('simulcast');
    const room = h.room(sid);
    await eventually(() => {
      for (const o of [...a.offers, ...lead.offers])
        expect(room.consumers.get(o.consumerId)?.consumer.paused).toBe(false);
    });
  });

  it('closes a consumer whose offer the client refuses', async () => {
    const sid = newSession();
    const lead = await h.join(sid, LEAD);
    const a = await h.join(sid, A);
    await lead.enter({ send: true });
    a.ackWith = { ok: false, error: { code: 'INTERNAL' as never, message: 'cannot decode' } };
    await a.enter({ send: false });
    await lead.produce('mic');
    const offer = await a.waitFor<ConsumerOffer>('consumer:new');
    const closed = await a.waitFor<{ consumerId: string; reason: string }>('consumer:closed');
    expect(closed).toEqual({ consumerId: offer.consumerId, reason: 'offer_not_acked' });
    expect(h.room(sid).consumers.has(offer.consumerId)).toBe(false);
  });

  it('calls a classroom on stage and off: the other classrooms start and stop receiving it', async () => {
    const sid = newSession();
    const C = { role: LessonRole.CLASSROOM, sub: 'terminal-c', cid: 'room-c', name: 'Room C' };
    const [lead, a, b, c] = await Promise.all([LEAD, A, B, C].map((who) => h.join(sid, who)));
    for (const p of [lead, a, b, c]) await p.enter({ send: true });
    for (const p of [a, b, c]) {
      await p.produce('camera');
      await p.produce('mic');
    }
    const bId = b.joined?.self.id as string;
    await b.ok('hand:raise', {});
    expect((await lead.waitFor<{ hands: { peerId: string }[] }>('hand:changed')).hands).toEqual([
      expect.objectContaining({ peerId: bId }),
    ]);
    expect(await a.errorOf('stage:set', { peerId: bId })).toBe('FORBIDDEN');
    expect(await lead.errorOf('stage:set', { peerId: lead.joined?.self.id })).toBe('INVALID_STATE');
    expect(await lead.ok('stage:set', { peerId: bId })).toEqual({ stagePeerId: bId });
    for (const p of [lead, a, b, c])
      await p.waitFor('stage:changed', (e: { stagePeerId: string }) => e.stagePeerId === bId);
    await eventually(() => {
      expect(a.offeredSources(bId)).toEqual(['camera', 'mic']);
      expect(c.offeredSources(bId)).toEqual(['camera', 'mic']);
    });
    expect(b.offeredSources(bId)).toEqual([]);
    expect(h.room(sid).lesson.hands.has(bId)).toBe(false);

    await lead.ok('stage:set', { peerId: null });
    const stageConsumers = [...a.offers, ...c.offers].filter((o) => o.peerId === bId).map((o) => o.consumerId);
    await eventually(() => {
      const closed = [
        ...a.payloads<{ consumerId: string }>('consumer:closed'),
        ...c.payloads<{ consumerId: string }>('consumer:closed'),
      ];
      expect(closed.map((e) => e.consumerId).sort()).toEqual(stageConsumers.sort());
    });
    expect(lead.offeredSources(bId)).toEqual(['camera', 'mic']);
  });

  it('replaces an older connection of the same identity: its media closes, the new one starts clean', async () => {
    const sid = newSession();
    const lead = await h.join(sid, LEAD);
    await lead.enter({ send: true });
    const a1 = await h.join(sid, A);
    await a1.enter({ send: true });
    await a1.produce('mic');
    const first = await lead.waitFor<ConsumerOffer>('consumer:new');
    const a2 = await h.join(sid, A);
    await a1.waitFor('peer:replaced');
    await eventually(() => expect(a1.socket.connected).toBe(false));
    await lead.waitFor('consumer:closed', (e: { consumerId: string }) => e.consumerId === first.consumerId);
    // The old transports are gone; the new connection has not joined yet.
    expect(await a2.errorOf('transport:restartIce', { transportId: a1.transports.send })).toBe('NOT_FOUND');
    expect(await a2.errorOf('hand:raise', {})).toBe('INVALID_STATE');
    const joined = await a2.enter({ send: true });
    expect(joined.self.id).toBe(first.peerId);
    await a2.produce('mic');
    await eventually(() => expect(lead.offers.filter((o) => o.peerId === first.peerId)).toHaveLength(2));
  });

  it('keeps a dropped participant for its reconnect grace, recovers it, and records the gap', async () => {
    const sid = newSession();
    const lead = await h.join(sid, LEAD);
    await lead.enter({ send: true });
    const a = await h.connect({ token: h.token(h.claims(sid, A)), sessionId: sid }, { reconnection: true });
    await a.enter({ send: true });
    const aId = a.joined?.self.id as string;
    await a.produce('mic');
    await lead.waitFor<ConsumerOffer>('consumer:new');
    const room = h.room(sid);
    const transportsBefore = [...room.transports.keys()].sort();
    a.socket.io.engine.close(); // the network drops; socket.io reconnects and recovers
    await lead.waitFor<PeerView>('peer:updated', (p) => p.id === aId && !p.connected);
    await eventually(() => expect(a.socket.connected && a.socket.recovered).toBe(true));
    await lead.waitFor<PeerView>('peer:updated', (p) => p.id === aId && p.connected);
    expect([...room.transports.keys()].sort()).toEqual(transportsBefore);
    await a.ok('hand:raise', {});
    const attendance = h.records
      .forSession(sid)
      .filter((e) => e.type.startsWith('attendance.') && 'who' in e && e.who.peerId === aId)
      .map((e) => e.type);
    await eventually(() =>
      expect(h.records.forSession(sid).filter((e) => 'who' in e && e.who.peerId === aId).length).toBeGreaterThanOrEqual(
        3,
      ),
    );
    expect(attendance.slice(0, 3)).toEqual(['attendance.joined', 'attendance.left', 'attendance.joined']);

    // Dropped for longer than the grace: removed, and its connection is not recovered.
    a.socket.io.reconnection(false);
    a.socket.io.engine.close();
    await lead.waitFor('peer:left', (e: { peerId: string }) => e.peerId === aId, 3000);
    expect(room.peers.has(aId)).toBe(false);
    expect(room.transportOps.ofPeer(aId)).toEqual([]);
  });

  it('ends the lesson for everyone; later tokens are refused', async () => {
    const sid = newSession();
    const lead = await h.join(sid, LEAD);
    const a = await h.join(sid, A);
    await lead.enter({ send: true });
    await a.enter({ send: true });
    expect(await a.errorOf('lesson:end', {})).toBe('FORBIDDEN');
    expect(await lead.ok('lesson:end', {})).toEqual({});
    expect(await a.waitFor('lesson:ended')).toEqual({ reason: 'ended_by_teacher' });
    await eventually(() => expect([lead.socket.connected, a.socket.connected]).toEqual([false, false]));
    expect(h.rooms.find(sid)).toBeUndefined();
    expect(await h.refusal({ token: h.token(h.claims(sid, B)), sessionId: sid })).toBe('LESSON_ENDED');
    await eventually(() => {
      const types = h.records.forSession(sid).map((e) => e.type);
      expect(types[0]).toBe('session.started');
      expect(types.filter((t) => t === 'attendance.left')).toHaveLength(2);
      expect(types.at(-1)).toBe('session.ended');
    });
    expect(h.records.ofType('session.ended', sid)[0].reason).toBe('ended_by_teacher');
  });

  it('closes a room once nobody has been connected for the grace period', async () => {
    const sid = newSession();
    const a = await h.join(sid, A);
    await a.enter({ send: true });
    a.close();
    await eventually(() => expect(h.rooms.find(sid)).toBeUndefined(), 3000);
    // the record pipeline delivers after the room is gone
    await eventually(() => expect(h.records.ofType('session.ended', sid).map((e) => e.reason)).toEqual(['empty']));
    expect(h.records.forSession(sid).map((e) => e.type)).toEqual([
      'session.started',
      'attendance.joined',
      'attendance.left',
      'session.ended',
    ]);
  });
});
