import { createSocket } from 'node:dgram';
import { LessonRole, type ChatMessageView, type ConsumerOffer, type PeerView, type QuizView } from '@tongke/contracts';
import { eventually, LiveTestHarness, type Identity } from '../testing/live-test.harness';
import type { LiveTestClient } from '../testing/live-test.client';
import { LiveRoomsService } from './live-rooms.service';

const LEAD = { role: LessonRole.LEAD, sub: 'teacher-1', name: 'Li' };
const classroom = (x: string): Identity => ({ role: LessonRole.CLASSROOM, sub: `t-${x}`, cid: `room-${x}`, name: x });
const A = classroom('A');
const B = classroom('B');
const C = classroom('C');
const ASSISTANT_A = { role: LessonRole.ASSISTANT, sub: 'assistant-a', cid: 'room-A', name: 'Liu' };
const OBSERVER = { role: LessonRole.OBSERVER, sub: 'research-1', name: 'Sun' };

let n = 0;
const newSession = () => `rooms-${process.pid}-${++n}`;

/** Classroom interaction and controls, enforced by the media node (real worker, stubbed record API). */
describe(LiveRoomsService.name, () => {
  const h = new LiveTestHarness();

  beforeAll(() => h.start());
  afterAll(() => h.close());
  afterEach(() => expect(h.records.refused).toEqual([]));

  async function lesson(sid: string, who: Identity[]): Promise<LiveTestClient[]> {
    const clients = await Promise.all(who.map((w) => h.join(sid, w)));
    for (const [i, c] of clients.entries()) {
      const role = who[i].role;
      await c.enter({ send: role === LessonRole.LEAD || role === LessonRole.CLASSROOM });
    }
    return clients;
  }

  const producerPaused = (sid: string, producerId: string) => h.room(sid).producers.get(producerId)?.producer.paused;

  it('disabling interaction holds classroom audio and refuses unmute, chat and hands until reopened', async () => {
    const sid = newSession();
    const [lead, a] = await lesson(sid, [LEAD, A]);
    const mic = await a.produce('mic');
    const leadId = lead.joined?.self.id;
    expect(await lead.ok('lesson:setInteraction', { mode: 'disabled' })).toEqual({ interaction: 'disabled' });
    await a.waitFor('lesson:interaction', (e: { interaction: string }) => e.interaction === 'disabled');
    expect(await a.waitFor('producer:paused')).toEqual({ producerId: mic, byPeerId: leadId });
    expect(producerPaused(sid, mic)).toBe(true);
    const micConsumer = await lead.waitFor<ConsumerOffer>('consumer:new', (o) => o.producerId === mic);
    await lead.waitFor('consumer:paused', (e: { consumerId: string }) => e.consumerId === micConsumer.consumerId);
    expect(await a.errorOf('producer:resume', { producerId: mic })).toBe('INTERACTION_DISABLED');
    expect(await a.errorOf('chat:send', { text: 'hello' })).toBe('INTERACTION_DISABLED');
    expect(await a.errorOf('hand:raise', {})).toBe('INTERACTION_DISABLED');
    expect(await a.errorOf('lesson:setInteraction', { mode: 'open' })).toBe('FORBIDDEN');
    expect((await lead.ok('chat:send', { text: 'quiet please' })).text).toBe('quiet please');

    await lead.ok('lesson:setInteraction', { mode: 'open' });
    expect(producerPaused(sid, mic)).toBe(true); // reopening does not unmute anyone
    await a.ok('producer:resume', { producerId: mic });
    expect(producerPaused(sid, mic)).toBe(false);
    await lead.waitFor('consumer:resumed', (e: { consumerId: string }) => e.consumerId === micConsumer.consumerId);
    expect((await a.ok('chat:send', { text: 'we hear you' })).text).toBe('we hear you');

    await lead.ok('lesson:setInteraction', { mode: 'paused' });
    expect(producerPaused(sid, mic)).toBe(true);
    expect(await a.errorOf('producer:resume', { producerId: mic })).toBe('INTERACTION_PAUSED');
    await lead.ok('lesson:setInteraction', { mode: 'open' });
    expect(producerPaused(sid, mic)).toBe(false); // reopening a pause restores the live audio
  });

  it('enforces permissions and mutes from the lead and the classroom assistant', async () => {
    const sid = newSession();
    const [lead, a, b, assistant] = await lesson(sid, [LEAD, A, B, ASSISTANT_A]);
    const aId = a.joined?.self.id as string;
    const bId = b.joined?.self.id as string;
    const mic = await a.produce('mic');
    const { peer } = await lead.ok('permissions:set', { peerId: aId, permissions: { audio: false } });
    expect(peer.permissions.audio).toBe(false);
    await a.waitFor<PeerView>('peer:updated', (p) => p.id === aId && !p.permissions.audio);
    await a.waitFor('producer:paused', (e: { producerId: string }) => e.producerId === mic);
    expect(await a.errorOf('producer:resume', { producerId: mic })).toBe('PERMISSION_DENIED');
    expect(
      await a.errorOf('producer:create', {
        transportId: a.transports.send,
        kind: 'audio',
        source: 'mic',
        rtpParameters: {},
      }),
    ).toBe('PERMISSION_DENIED');
    await lead.ok('permissions:set', { peerId: aId, permissions: { audio: true } });
    await a.ok('producer:resume', { producerId: mic });
    expect(producerPaused(sid, mic)).toBe(false);

    await assistant.ok('peer:mute', { peerId: aId, source: 'mic', muted: true });
    expect(producerPaused(sid, mic)).toBe(true);
    await assistant.ok('peer:mute', { peerId: aId, source: 'mic', muted: false });
    expect(producerPaused(sid, mic)).toBe(false);
    expect(await assistant.errorOf('peer:mute', { peerId: bId, source: 'mic', muted: true })).toBe('FORBIDDEN');
    expect(await assistant.errorOf('permissions:set', { peerId: aId, permissions: { chat: false } })).toBe('FORBIDDEN');
    expect(await a.errorOf('permissions:set', { peerId: bId, permissions: { audio: false } })).toBe('FORBIDDEN');
    expect(await lead.errorOf('peer:mute', { peerId: 'nobody', source: 'mic', muted: true })).toBe('NOT_FOUND');

    const stroke = {
      id: 's1',
      points: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      color: '#ff0000',
      width: 3,
      tool: 'pen',
    };
    expect(await a.errorOf('whiteboard:stroke', stroke)).toBe('PERMISSION_DENIED');
    await lead.ok('permissions:set', { peerId: aId, permissions: { annotate: true } });
    expect((await a.ok('whiteboard:stroke', stroke as never)).peerId).toBe(aId);
    await lead.waitFor('whiteboard:stroke', (s: { id: string }) => s.id === 's1');
    expect(h.records.ofType('whiteboard.stroke', sid)).toHaveLength(1);
  });

  it('runs a quiz over three classrooms with a live tally for the lead and each assistant', async () => {
    const sid = newSession();
    const [lead, a, b, c, assistant] = await lesson(sid, [LEAD, A, B, C, ASSISTANT_A]);
    const spec = {
      question: 'Which is a fruit?',
      kind: 'single' as const,
      options: ['rock', 'apple', 'cloud'],
      correct: [1],
      durationSec: 60,
    };
    const started = await lead.ok('quiz:start', spec);
    expect(started.tally.expected).toBe(3);
    const seenByB = await b.waitFor<QuizView>('quiz:started');
    expect(seenByB.correct).toBeUndefined();
    await a.ok('quiz:answer', { quizId: started.id, choices: [1] });
    await b.ok('quiz:answer', { quizId: started.id, choices: [0] });
    await b.ok('quiz:answer', { quizId: started.id, choices: [1] });
    await assistant.ok('quiz:answer', { quizId: started.id, choices: [1] }); // answers for room A
    await c.ok('quiz:answer', { quizId: started.id, choices: [2] });
    expect(await c.errorOf('quiz:answer', { quizId: started.id, choices: [0, 1] })).toBe('BAD_REQUEST');
    expect(await lead.errorOf('quiz:answer', { quizId: started.id, choices: [1] })).toBe('FORBIDDEN');
    const tally = await lead.waitFor<QuizView>('quiz:tally', (q) => q.tally.answered === 3 && q.tally.counts[2] === 1);
    expect(tally.tally.counts).toEqual([0, 2, 1]);
    const mine = assistant.payloads<QuizView>('quiz:tally').at(-1);
    expect(mine?.tally.answers.map((x) => x.classroomId)).toEqual(['room-A']);
    expect(b.payloads('quiz:tally')).toEqual([]);

    const ended = await lead.ok('quiz:end', { quizId: started.id });
    expect(ended.tally.counts).toEqual([0, 2, 1]);
    expect((await b.waitFor<QuizView>('quiz:ended')).correct).toEqual([1]);
    expect(await a.errorOf('quiz:answer', { quizId: started.id, choices: [1] })).toBe('QUIZ_CLOSED');
    await eventually(() => expect(h.records.ofType('quiz.ended', sid)).toHaveLength(1));
    expect(h.records.ofType('quiz.ended', sid)[0].tally.counts).toEqual([0, 2, 1]);
    expect(h.records.ofType('quiz.answered', sid)).toHaveLength(5);

    const timed = await lead.ok('quiz:start', { ...spec, durationSec: 5 });
    const end = await a.waitFor<QuizView>('quiz:ended', (q) => q.id === timed.id, 7000);
    expect(new Date(end.endedAt as string).getTime()).toBeGreaterThanOrEqual(new Date(timed.endsAt).getTime() - 50);
  });

  it('acks chat only once stored: a failed store answers UNAVAILABLE and broadcasts nothing', async () => {
    const sid = newSession();
    const [lead, a, observer] = await lesson(sid, [LEAD, A, OBSERVER]);
    h.records.failNext('chat.message');
    const failed = await a.request('chat:send', { text: 'lost?' });
    expect(failed).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.any(String) } });
    const stored = await a.ok('chat:send', { text: 'hello teacher' });
    expect(h.records.ofType('chat.message', sid).map((e) => [e.eventId, e.text])).toEqual([
      [stored.id, 'hello teacher'],
    ]);
    const received = await lead.waitFor<ChatMessageView>('chat:message');
    expect(received).toEqual(stored);
    await observer.waitFor<ChatMessageView>('chat:message', (m) => m.id === stored.id);
    expect(lead.payloads<ChatMessageView>('chat:message')).toHaveLength(1);
    expect(a.payloads('chat:message')).toEqual([]);
    expect(await observer.errorOf('chat:send', { text: 'hi' })).toBe('FORBIDDEN');

    const late = await h.join(sid, B);
    const joined = await late.enter({ send: false });
    expect(joined.lesson.chat.map((m) => m.text)).toEqual(['hello teacher']);

    const note = await observer.ok('note:add', { text: 'good pacing' });
    expect(note.offsetMs).toBeGreaterThanOrEqual(0);
    expect(h.records.ofType('note.added', sid).map((e) => e.text)).toEqual(['good pacing']);
    expect(await a.errorOf('note:add', { text: 'x' })).toBe('FORBIDDEN');

    const file = { name: 'lesson.txt', mime: 'text/plain', contentBase64: Buffer.from('hello').toString('base64') };
    expect(await a.errorOf('file:share', file)).toBe('PERMISSION_DENIED');
    const shared = await lead.ok('file:share', file);
    expect(shared).toMatchObject({ name: 'lesson.txt', size: 5, url: expect.stringContaining('/api/files/') });
    expect(await a.waitFor('file:shared')).toEqual(shared);
  });

  it('switches a classroom to audio-only and receive-only and back', async () => {
    const sid = newSession();
    const [lead, a] = await lesson(sid, [LEAD, A]);
    const leadCam = await lead.produce('camera', { simulcast: true });
    const aCam = await a.produce('camera');
    const aMic = await a.produce('mic');
    const camOffer = await a.waitFor<ConsumerOffer>('consumer:new', (o) => o.producerId === leadCam);
    const room = h.room(sid);
    await eventually(() => expect(room.consumers.get(camOffer.consumerId)?.consumer.paused).toBe(false));
    const { self } = await a.ok('peer:setLinkMode', { mode: 'audio-only' });
    expect(self.linkMode).toBe('audio-only');
    expect(room.consumers.get(camOffer.consumerId)?.consumer.paused).toBe(true);
    expect([producerPaused(sid, aCam), producerPaused(sid, aMic)]).toEqual([true, false]);
    await lead.waitFor<PeerView>('peer:updated', (p) => p.linkMode === 'audio-only');
    await a.ok('peer:setLinkMode', { mode: 'receive-only' });
    expect([producerPaused(sid, aCam), producerPaused(sid, aMic)]).toEqual([true, true]);
    expect(room.consumers.get(camOffer.consumerId)?.consumer.paused).toBe(false);
    await a.ok('peer:setLinkMode', { mode: 'full' });
    expect([producerPaused(sid, aCam), producerPaused(sid, aMic)]).toEqual([false, false]);
  });

  it('attaches and detaches SRTP plain viewers to a producer through the room', async () => {
    const sid = newSession();
    const [lead] = await lesson(sid, [LEAD]);
    const cam = await lead.produce('camera', { simulcast: true });
    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    const port = sink.address().port;
    try {
      expect(h.plainViewers.producers(sid)).toEqual([
        { producerId: cam, peerId: lead.joined?.self.id, kind: 'video', source: 'camera' },
      ]);
      const room = h.room(sid);
      const viewers = await Promise.all(
        [1, 2, 3].map(() => h.plainViewers.attach(sid, cam, { ip: '127.0.0.1', port })),
      );
      for (const v of viewers) {
        expect(room.consumers.get(v.consumerId)).toMatchObject({ peerId: null, source: 'camera' });
        expect(room.consumers.get(v.consumerId)?.consumer.paused).toBe(false);
        expect(v.srtpParameters.cryptoSuite).toBe('AES_CM_128_HMAC_SHA1_80');
        // No bandwidth-estimation feedback from a sink: it gets the top layer, as a bare mediasoup consumer would.
        expect(JSON.stringify(v.rtpParameters)).not.toMatch(/transport-cc|transport-wide-cc|goog-remb/);
        expect(room.consumers.get(v.consumerId)?.consumer.preferredLayers?.spatialLayer).toBe(2);
      }
      await h.plainViewers.detach(sid, viewers[0].viewerId);
      expect(room.consumers.has(viewers[0].consumerId)).toBe(false);
      expect(room.transports.has(viewers[0].viewerId)).toBe(false);
      await expect(h.plainViewers.detach(sid, viewers[0].viewerId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(h.plainViewers.attach(sid, 'nope', { ip: '127.0.0.1', port })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await lead.ok('producer:close', { producerId: cam });
      await eventually(() => expect(room.transports.has(viewers[1].viewerId)).toBe(false));
      expect(room.consumers.has(viewers[2].consumerId)).toBe(false);
    } finally {
      sink.close();
    }
  });
});
