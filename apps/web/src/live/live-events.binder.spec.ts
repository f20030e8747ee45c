import { describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { LessonRole } from './contract-values';
import { LiveEventBinder, type LiveEventTarget } from './live-events.binder';
import type { TypedLiveSocket } from './live-socket';
import { createLiveState } from './live-state';
import { addConsumer, applyRoomJoined, consumerViewOf, setOwnProducer } from './live-state.reducer';
import type { MediaSession } from './media-session';
import { offer, peer, quiz, roomJoined } from './testing/live-fixtures';

function setup() {
  const state = createLiveState('s1');
  applyRoomJoined(state, roomJoined(peer('me'), [peer('lead', { role: LessonRole.LEAD }), peer('b')]));
  const producer = { pause: jest.fn(), resume: jest.fn() };
  const media = {
    closeConsumer: jest.fn(),
    producerById: jest.fn((id: string) => (id === 'p-mic' ? producer : undefined)),
  };
  const target: LiveEventTarget = {
    state,
    media: () => media as unknown as MediaSession,
    onConsumerNew: jest.fn(),
    onLessonEnded: jest.fn(),
    onReplaced: jest.fn(),
    onBroadcastClosed: jest.fn(),
  };
  const socket = new EventEmitter();
  new LiveEventBinder(target).bind(socket as unknown as TypedLiveSocket);
  return { state, media, producer, target, socket };
}

describe(LiveEventBinder.name, () => {
  it('hands consumer:new with its ack to the client', () => {
    const { target, socket } = setup();
    const ack = jest.fn();
    socket.emit('consumer:new', offer('c1', 'lead'), ack);
    expect(target.onConsumerNew).toHaveBeenCalledWith(offer('c1', 'lead'), ack);
  });

  it('closes the local consumer and forgets it on consumer:closed', () => {
    const { state, media, socket } = setup();
    addConsumer(state, consumerViewOf(offer('c1', 'lead')));
    socket.emit('consumer:closed', { consumerId: 'c1', reason: 'producer closed' });
    expect(media.closeConsumer).toHaveBeenCalledWith('c1');
    expect(state.consumers).toEqual([]);
  });

  it('applies consumer pause, layers and score updates', () => {
    const { state, socket } = setup();
    addConsumer(state, consumerViewOf(offer('c1', 'lead', { type: 'simulcast' })));
    socket.emit('consumer:paused', { consumerId: 'c1' });
    socket.emit('consumer:layers', { consumerId: 'c1', spatialLayer: 1, temporalLayer: 2 });
    socket.emit('consumer:score', { consumerId: 'c1', score: 7, producerScore: 10 });
    expect(state.consumers[0]).toMatchObject({
      paused: true,
      spatialLayer: 1,
      temporalLayer: 2,
      score: 7,
      producerScore: 10,
    });
    socket.emit('consumer:resumed', { consumerId: 'c1' });
    expect(state.consumers[0].paused).toBe(false);
  });

  it('pauses and resumes our own producer when someone else does it server-side', () => {
    const { state, producer, socket } = setup();
    setOwnProducer(state, 'mic', 'p-mic');
    socket.emit('producer:paused', { producerId: 'p-mic', byPeerId: 'lead' });
    expect(producer.pause).toHaveBeenCalled();
    expect(state.producers.mic?.paused).toBe(true);
    socket.emit('producer:resumed', { producerId: 'p-mic', byPeerId: 'lead' });
    expect(producer.resume).toHaveBeenCalled();
    expect(state.producers.mic?.paused).toBe(false);
  });

  it('closes the consumers of a peer that left', () => {
    const { state, media, socket } = setup();
    addConsumer(state, consumerViewOf(offer('c1', 'b')));
    addConsumer(state, consumerViewOf(offer('c2', 'b', { kind: 'audio', source: 'mic' })));
    socket.emit('peer:left', { peerId: 'b' });
    expect(media.closeConsumer.mock.calls.map((c) => c[0])).toEqual(['c1', 'c2']);
    expect(state.peers.map((p) => p.id)).toEqual(['lead']);
  });

  it('keeps peers, hands, stage, chat, quiz, strokes, files and interaction up to date', () => {
    const { state, socket } = setup();
    socket.emit('peer:joined', peer('c'));
    socket.emit('hand:changed', { hands: [{ peerId: 'c', name: 'C', raisedAt: '2026-03-02T08:00:00.000Z' }] });
    socket.emit('stage:changed', { stagePeerId: 'c' });
    socket.emit('chat:message', {
      id: 'm',
      at: '',
      from: { peerId: 'c', name: 'C', role: LessonRole.CLASSROOM },
      text: 'hi',
    });
    socket.emit('quiz:started', quiz('q'));
    socket.emit('whiteboard:stroke', {
      id: 's',
      at: '',
      peerId: 'lead',
      points: [[0, 0]],
      color: '#000000',
      width: 2,
      tool: 'pen',
    });
    socket.emit('lesson:interaction', { interaction: 'disabled' });
    expect(state.peers.map((p) => p.id)).toContain('c');
    expect(state.hands.map((h) => h.peerId)).toEqual(['c']);
    expect(state.stagePeerId).toBe('c');
    expect(state.chat.map((m) => m.text)).toEqual(['hi']);
    expect(state.quiz?.id).toBe('q');
    expect(state.strokes).toHaveLength(1);
    expect(state.interaction).toBe('disabled');
    socket.emit('whiteboard:cleared', { at: '' });
    expect(state.strokes).toEqual([]);
  });

  it('reports the end of the lesson and a replaced connection to the client', () => {
    const { target, socket } = setup();
    socket.emit('lesson:ended', { reason: 'ended_by_teacher' });
    socket.emit('peer:replaced');
    expect(target.onLessonEnded).toHaveBeenCalledWith('ended_by_teacher');
    expect(target.onReplaced).toHaveBeenCalled();
  });

  it("counts the broadcast's viewers for the lead and reports a closed broadcast to a viewer", () => {
    const { state, target, socket } = setup();
    socket.emit('broadcast:viewers', { on: true, viewers: 12 });
    expect(state.broadcast).toEqual({ on: false, viewers: 12 });
    socket.emit('broadcast:closed');
    expect(target.onBroadcastClosed).toHaveBeenCalled();
  });
});
