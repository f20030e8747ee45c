import type {
  ChatMessageView,
  ConsumerOffer,
  HandEntry,
  InteractionMode,
  LessonEndReason,
  MediaSource,
  PeerView,
  QuizView,
  RoomJoined,
  SharedFileView,
  StrokeView,
} from '@tongke/contracts';
import type { ConsumerView, LiveState, LiveStatus, NoteEntry } from './live-state';

// Pure functions applying what the server says to the state the views read. They mutate
// the state in place (it is a Vue `reactive` proxy at runtime, a plain object in tests).

/** Chat history kept in the page; the record keeps everything. */
export const CHAT_LIMIT = 500;

export function setStatus(state: LiveState, status: LiveStatus): void {
  if (state.status === 'ended' || (state.status === 'error' && status !== 'ended')) return;
  state.status = status;
}

export function setFatal(state: LiveState, code: string, message: string): void {
  if (state.status === 'ended') return;
  state.fatal = { code, message };
  state.status = 'error';
}

export function applyRoomJoined(state: LiveState, joined: RoomJoined): void {
  const { self, peers, lesson } = joined;
  state.selfId = self.id;
  state.self = self;
  state.linkMode = self.linkMode;
  state.peers = peers.filter((p) => p.id !== self.id);
  state.title = lesson.title;
  state.startedAt = lesson.startedAt;
  state.interaction = lesson.interaction;
  state.stagePeerId = lesson.stagePeerId;
  state.hands = lesson.hands;
  state.chat = lesson.chat.slice(-CHAT_LIMIT);
  applyQuiz(state, lesson.quiz);
  state.strokes = lesson.strokes;
  state.files = lesson.files;
}

export function upsertPeer(state: LiveState, peer: PeerView): void {
  if (peer.id === state.selfId) {
    state.self = peer;
    state.linkMode = peer.linkMode;
    syncOwnProducers(state, peer);
    return;
  }
  const i = state.peers.findIndex((p) => p.id === peer.id);
  if (i >= 0) state.peers.splice(i, 1, peer);
  else state.peers.push(peer);
}

export function removePeer(state: LiveState, peerId: string): void {
  state.peers = state.peers.filter((p) => p.id !== peerId);
  state.consumers = state.consumers.filter((c) => c.peerId !== peerId);
  state.hands = state.hands.filter((h) => h.peerId !== peerId);
  if (state.stagePeerId === peerId) state.stagePeerId = null;
}

/** The server's view of our own tracks wins over what we believe (e.g. the lead muted us). */
function syncOwnProducers(state: LiveState, self: PeerView): void {
  for (const track of self.tracks) {
    const own = state.producers[track.source];
    if (own && own.producerId === track.producerId) own.paused = track.paused;
  }
}

export function consumerViewOf(offer: ConsumerOffer): ConsumerView {
  return {
    id: offer.consumerId,
    producerId: offer.producerId,
    peerId: offer.peerId,
    kind: offer.kind,
    source: offer.source,
    type: offer.type,
    paused: false,
    producerPaused: offer.producerPaused,
    score: null,
    producerScore: null,
    spatialLayer: null,
    temporalLayer: null,
  };
}

export function addConsumer(state: LiveState, view: ConsumerView): void {
  state.consumers = [...state.consumers.filter((c) => c.id !== view.id), view];
}

export function removeConsumer(state: LiveState, consumerId: string): void {
  state.consumers = state.consumers.filter((c) => c.id !== consumerId);
}

export function patchConsumer(state: LiveState, consumerId: string, patch: Partial<ConsumerView>): void {
  const c = state.consumers.find((x) => x.id === consumerId);
  if (c) Object.assign(c, patch);
}

/** A producer was paused or resumed: ours (our own mic muted by the lead) or one we consume. */
export function applyProducerPaused(state: LiveState, producerId: string, paused: boolean): void {
  for (const own of Object.values(state.producers)) if (own?.producerId === producerId) own.paused = paused;
  for (const c of state.consumers) if (c.producerId === producerId) c.producerPaused = paused;
}

/** Records one of our producers; if the server already told us about it (peer:updated raced the ack), its word wins. */
export function setOwnProducer(state: LiveState, source: MediaSource, producerId: string | null, paused = false): void {
  if (!producerId) {
    delete state.producers[source];
    return;
  }
  const known = state.self?.tracks.find((t) => t.producerId === producerId);
  state.producers[source] = { producerId, paused: known ? known.paused : paused };
}

/** Forget every transport-bound object (before joining again on a fresh connection). */
export function resetMedia(state: LiveState): void {
  state.consumers = [];
  state.producers = {};
}

export function setHands(state: LiveState, hands: HandEntry[]): void {
  state.hands = hands;
}

export function setStage(state: LiveState, stagePeerId: string | null): void {
  state.stagePeerId = stagePeerId;
}

export function setInteraction(state: LiveState, interaction: InteractionMode): void {
  state.interaction = interaction;
}

export function addChatMessage(state: LiveState, message: ChatMessageView): void {
  if (state.chat.some((m) => m.id === message.id)) return;
  state.chat.push(message);
  if (state.chat.length > CHAT_LIMIT) state.chat.splice(0, state.chat.length - CHAT_LIMIT);
}

/** A quiz started, its tally changed, or it ended; a different quiz replaces the old one. */
export function applyQuiz(state: LiveState, quiz: QuizView | null): void {
  if (!quiz) {
    state.quiz = null;
    state.quizAnswer = null;
    return;
  }
  const same = state.quiz?.id === quiz.id ? state.quiz : null;
  if (!same && state.quizAnswer?.quizId !== quiz.id) state.quizAnswer = null;
  // A late tally must not reopen a quiz we saw end, nor hide the answers the end revealed.
  const endedAt = quiz.endedAt ?? same?.endedAt;
  const correct = quiz.correct ?? same?.correct;
  const next: QuizView = { ...quiz };
  if (endedAt) next.endedAt = endedAt;
  if (correct) next.correct = correct;
  state.quiz = next;
}

export function setQuizAnswer(state: LiveState, quizId: string, choices: number[]): void {
  state.quizAnswer = { quizId, choices };
}

export function addStroke(state: LiveState, stroke: StrokeView): void {
  if (!state.strokes.some((s) => s.id === stroke.id)) state.strokes.push(stroke);
}

export function clearStrokes(state: LiveState): void {
  state.strokes = [];
}

export function addFile(state: LiveState, file: SharedFileView): void {
  if (!state.files.some((f) => f.id === file.id)) state.files.push(file);
}

export function addNote(state: LiveState, note: NoteEntry): void {
  if (!state.notes.some((n) => n.id === note.id)) state.notes.push(note);
}

/** The broadcast flag as the API holds it (join answer or the lead's toggle); keeps the viewer count. */
export function setBroadcastOn(state: LiveState, on: boolean): void {
  state.broadcast = { on, viewers: state.broadcast?.viewers ?? 0 };
}

/** The media node's viewer count (`broadcast:viewers`); the on/off flag stays the API's. */
export function setBroadcastViewers(state: LiveState, viewers: number): void {
  state.broadcast = { on: state.broadcast?.on ?? false, viewers };
}

export function setEnded(state: LiveState, reason: LessonEndReason | null): void {
  state.endReason = reason;
  state.status = 'ended';
  state.consumers = [];
  state.producers = {};
}
