import { describe, expect, it } from '@jest/globals';
import type { ChatMessageView } from '@tongke/contracts';
import { LessonRole } from './contract-values';
import { createLiveState } from './live-state';
import * as r from './live-state.reducer';
import { offer, peer, quiz, roomJoined } from './testing/live-fixtures';

function joinedState() {
  const state = createLiveState('s1');
  const self = peer('me', { role: LessonRole.CLASSROOM });
  r.applyRoomJoined(state, roomJoined(self, [self, peer('lead', { role: LessonRole.LEAD }), peer('b')]));
  return state;
}

const chat = (id: string): ChatMessageView => ({
  id,
  at: '2026-03-02T08:00:00.000Z',
  from: { peerId: 'b', name: 'B', role: LessonRole.CLASSROOM },
  text: `message ${id}`,
});

describe('live-state.reducer', () => {
  it('applies room:join: self apart from the others, lesson snapshot in place', () => {
    const state = joinedState();
    expect(state.selfId).toBe('me');
    expect(state.peers.map((p) => p.id)).toEqual(['lead', 'b']);
    expect(state.title).toBe('Music');
    expect(state.interaction).toBe('open');
  });

  it('adds, replaces and removes peers; an update about ourselves goes to self', () => {
    const state = joinedState();
    r.upsertPeer(state, peer('c'));
    r.upsertPeer(state, peer('b', { quality: 'poor' }));
    expect(state.peers.map((p) => [p.id, p.quality])).toEqual([
      ['lead', 'good'],
      ['b', 'poor'],
      ['c', 'good'],
    ]);
    r.upsertPeer(state, peer('me', { linkMode: 'audio-only' }));
    expect(state.peers.some((p) => p.id === 'me')).toBe(false);
    expect(state.linkMode).toBe('audio-only');
  });

  it("takes the server's word on our own producers (the lead muted our mic)", () => {
    const state = joinedState();
    r.setOwnProducer(state, 'mic', 'p-mic');
    r.upsertPeer(state, peer('me', { tracks: [{ producerId: 'p-mic', kind: 'audio', source: 'mic', paused: true }] }));
    expect(state.producers.mic).toEqual({ producerId: 'p-mic', paused: true });
  });

  it('takes a pause the server announced before our producer:create was answered', () => {
    const state = joinedState();
    r.upsertPeer(state, peer('me', { tracks: [{ producerId: 'p-mic', kind: 'audio', source: 'mic', paused: true }] }));
    r.setOwnProducer(state, 'mic', 'p-mic', false);
    expect(state.producers.mic?.paused).toBe(true);
  });

  it('forgets what belonged to a peer that left', () => {
    const state = joinedState();
    r.addConsumer(state, r.consumerViewOf(offer('c1', 'b')));
    r.addConsumer(state, r.consumerViewOf(offer('c2', 'lead')));
    r.setHands(state, [{ peerId: 'b', name: 'B', raisedAt: '2026-03-02T08:00:00.000Z' }]);
    r.setStage(state, 'b');
    r.removePeer(state, 'b');
    expect(state.peers.map((p) => p.id)).toEqual(['lead']);
    expect(state.consumers.map((c) => c.id)).toEqual(['c2']);
    expect(state.hands).toEqual([]);
    expect(state.stagePeerId).toBeNull();
  });

  it('tracks consumers: added once, patched, closed', () => {
    const state = joinedState();
    r.addConsumer(state, r.consumerViewOf(offer('c1', 'lead', { type: 'simulcast', producerPaused: true })));
    r.addConsumer(state, r.consumerViewOf(offer('c1', 'lead', { type: 'simulcast' })));
    expect(state.consumers).toHaveLength(1);
    r.patchConsumer(state, 'c1', { spatialLayer: 2, score: 9 });
    r.patchConsumer(state, 'unknown', { score: 1 });
    expect(state.consumers[0]).toMatchObject({ spatialLayer: 2, score: 9, producerPaused: false });
    r.removeConsumer(state, 'c1');
    expect(state.consumers).toEqual([]);
  });

  it('marks a producer paused, ours or one we consume', () => {
    const state = joinedState();
    r.setOwnProducer(state, 'mic', 'p-mine');
    r.addConsumer(state, r.consumerViewOf(offer('c1', 'lead')));
    r.applyProducerPaused(state, 'p-mine', true);
    r.applyProducerPaused(state, 'prod-c1', true);
    expect(state.producers.mic?.paused).toBe(true);
    expect(state.consumers[0].producerPaused).toBe(true);
    r.setOwnProducer(state, 'mic', null);
    expect(state.producers.mic).toBeUndefined();
  });

  it('keeps chat once per message id and bounded', () => {
    const state = joinedState();
    r.addChatMessage(state, chat('1'));
    r.addChatMessage(state, chat('1'));
    expect(state.chat).toHaveLength(1);
    for (let i = 2; i <= r.CHAT_LIMIT + 5; i++) r.addChatMessage(state, chat(String(i)));
    expect(state.chat).toHaveLength(r.CHAT_LIMIT);
    expect(state.chat[0].id).toBe('6');
  });

  it('follows a quiz through its tally updates and end, keeping our answer', () => {
    const state = joinedState();
    r.applyQuiz(state, quiz('q1'));
    r.setQuizAnswer(state, 'q1', [0]);
    r.applyQuiz(state, quiz('q1', { tally: { counts: [2, 1], answered: 3, expected: 3, answers: [] } }));
    expect(state.quiz?.tally.counts).toEqual([2, 1]);
    expect(state.quizAnswer).toEqual({ quizId: 'q1', choices: [0] });
    r.applyQuiz(state, quiz('q1', { endedAt: '2026-03-02T08:00:40.000Z', correct: [0] }));
    // A tally that arrives after the end does not reopen the quiz or hide the answer.
    r.applyQuiz(state, quiz('q1'));
    expect(state.quiz).toMatchObject({ endedAt: '2026-03-02T08:00:40.000Z', correct: [0] });
  });

  it('starts afresh with a new quiz', () => {
    const state = joinedState();
    r.applyQuiz(state, quiz('q1', { correct: [1] }));
    r.setQuizAnswer(state, 'q1', [1]);
    r.applyQuiz(state, quiz('q2'));
    expect(state.quiz?.id).toBe('q2');
    expect(state.quiz?.correct).toBeUndefined();
    expect(state.quizAnswer).toBeNull();
  });

  it('keeps strokes and files once per id; clearing empties the board', () => {
    const state = joinedState();
    const stroke = {
      id: 'k',
      at: '',
      peerId: 'lead',
      points: [[0, 0]] as [number, number][],
      color: '#000000',
      width: 4,
      tool: 'pen' as const,
    };
    r.addStroke(state, stroke);
    r.addStroke(state, stroke);
    expect(state.strokes).toHaveLength(1);
    r.clearStrokes(state);
    expect(state.strokes).toEqual([]);
    const file = {
      id: 'f',
      at: '',
      name: 'a.pdf',
      mime: 'application/pdf',
      size: 3,
      from: { peerId: 'lead', name: 'T' },
      url: '/f',
    };
    r.addFile(state, file);
    r.addFile(state, file);
    expect(state.files).toHaveLength(1);
  });

  it('never leaves the ended state, and an error only for ended', () => {
    const state = joinedState();
    r.setStatus(state, 'live');
    r.setFatal(state, 'REPLACED', 'elsewhere');
    r.setStatus(state, 'reconnecting');
    expect(state.status).toBe('error');
    r.setEnded(state, 'ended_by_teacher');
    r.setStatus(state, 'live');
    r.setFatal(state, 'INTERNAL', 'late');
    expect(state.status).toBe('ended');
    expect(state.fatal?.code).toBe('REPLACED');
    expect(state.endReason).toBe('ended_by_teacher');
  });

  it('drops transport-bound objects on a reset (before joining again) and at the end', () => {
    const state = joinedState();
    r.addConsumer(state, r.consumerViewOf(offer('c1', 'lead')));
    r.setOwnProducer(state, 'camera', 'p1');
    r.resetMedia(state);
    expect([state.consumers, state.producers]).toEqual([[], {}]);
    expect(state.peers).toHaveLength(2);
  });
});
