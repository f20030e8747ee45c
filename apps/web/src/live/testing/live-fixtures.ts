import type { ConsumerOffer, PeerView, QuizView, RoomJoined } from '@tongke/contracts';
import { LessonRole } from '../contract-values';

// Builders for the live client's unit specs.

export function peer(id: string, over: Partial<PeerView> = {}): PeerView {
  return {
    id,
    userId: `u-${id}`,
    name: `Room ${id}`,
    role: LessonRole.CLASSROOM,
    classroomId: `c-${id}`,
    connected: true,
    linkMode: 'full',
    permissions: { video: true, audio: true, annotate: false, screen: false, file: false, chat: true },
    handRaised: false,
    onStage: false,
    tracks: [],
    quality: 'good',
    ...over,
  };
}

export function offer(consumerId: string, peerId: string, over: Partial<ConsumerOffer> = {}): ConsumerOffer {
  return {
    consumerId,
    producerId: `prod-${consumerId}`,
    peerId,
    kind: 'video',
    source: 'camera',
    rtpParameters: {},
    type: 'simple',
    producerPaused: false,
    ...over,
  };
}

export function quiz(id: string, over: Partial<QuizView> = {}): QuizView {
  return {
    id,
    question: 'Which province?',
    kind: 'single',
    options: ['Jiangsu', 'Yunnan'],
    durationSec: 60,
    startedAt: '2026-03-02T08:00:00.000Z',
    endsAt: '2026-03-02T08:01:00.000Z',
    tally: { counts: [0, 0], answered: 0, expected: 3, answers: [] },
    ...over,
  };
}

export function roomJoined(self: PeerView, peers: PeerView[]): RoomJoined {
  return {
    self,
    peers,
    lesson: {
      sessionId: 's1',
      title: 'Music',
      startedAt: '2026-03-02T08:00:00.000Z',
      interaction: 'open',
      stagePeerId: null,
      hands: [],
      chat: [],
      quiz: null,
      strokes: [],
      files: [],
    },
  };
}
