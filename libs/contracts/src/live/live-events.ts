import type { Ack } from '../ack';
import type { LessonRole, LinkMode, MediaSource } from './lesson-role';
import type { ChatMessageView, IceServer, QuizView, SharedFileView, StrokeView } from './live-session';
import type { LiveRequest, LiveRequestName } from './live-requests';
import type { InteractionMode, PermissionSet } from './permissions';

// The `/live` socket.io namespace, typed end to end. Requests are emitted with an ack
// callback and answered `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
// The join token goes in the handshake: `io(`${mediaUrl}/live`, { auth: { token } })`;
// a bad token fails the connection with `connect_error` whose `data` is an ErrorBody.
// Optionally `auth.sessionId`: the lesson the client means to join; a token for another
// lesson is then refused with TOKEN_INVALID.

/** mediasoup objects travel as plain JSON; the client casts them to mediasoup-client types. */
export type MediasoupJson = Record<string, unknown>;

export type NetworkQuality = 'good' | 'fair' | 'poor' | 'unknown';

export interface PublishedTrack {
  producerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  paused: boolean;
}

/** A participant as others see it (observers are never sent to classrooms or assistants). */
export interface PeerView {
  id: string;
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
  connected: boolean;
  linkMode: LinkMode;
  permissions: PermissionSet;
  handRaised: boolean;
  onStage: boolean;
  tracks: PublishedTrack[];
  quality: NetworkQuality;
}

export interface TransportInfo {
  id: string;
  iceParameters: MediasoupJson;
  iceCandidates: MediasoupJson[];
  dtlsParameters: MediasoupJson;
  iceServers: IceServer[];
}

export interface HandEntry {
  peerId: string;
  name: string;
  raisedAt: string;
}

/** Everything a participant needs to render the lesson when it joins or rejoins. */
export interface LessonSnapshot {
  sessionId: string;
  title: string;
  startedAt: string;
  interaction: InteractionMode;
  stagePeerId: string | null;
  hands: HandEntry[];
  chat: ChatMessageView[];
  /** Open quiz (classrooms don't see `correct` or other classrooms' answers). */
  quiz: QuizView | null;
  strokes: StrokeView[];
  files: SharedFileView[];
}

export interface RoomJoined {
  self: PeerView;
  peers: PeerView[];
  lesson: LessonSnapshot;
}

/** What each request answers with, on success. */
export interface LiveResponses {
  'router:capabilities': { rtpCapabilities: MediasoupJson };
  'transport:create': TransportInfo;
  'transport:connect': Record<string, never>;
  'transport:restartIce': { iceParameters: MediasoupJson };
  'room:join': RoomJoined;
  'producer:create': { producerId: string };
  'producer:pause': Record<string, never>;
  'producer:resume': Record<string, never>;
  'producer:close': Record<string, never>;
  'consumer:pause': Record<string, never>;
  'consumer:resume': Record<string, never>;
  'consumer:setPreferredLayers': Record<string, never>;
  'peer:setLinkMode': { self: PeerView };
  'peer:mute': Record<string, never>;
  'permissions:set': { peer: PeerView };
  'lesson:setInteraction': { interaction: InteractionMode };
  'lesson:end': Record<string, never>;
  'hand:raise': { hands: HandEntry[] };
  'hand:lower': { hands: HandEntry[] };
  'stage:set': { stagePeerId: string | null };
  'chat:send': ChatMessageView;
  'quiz:start': QuizView;
  'quiz:answer': { quizId: string; choices: number[] };
  'quiz:end': QuizView;
  'whiteboard:stroke': StrokeView;
  'whiteboard:clear': Record<string, never>;
  'file:share': SharedFileView;
  'note:add': { id: string; at: string; offsetMs: number };
  'broadcast:set': BroadcastState;
}

/** The broadcast (名校网络课堂) on the media node hosting the lesson, as the lead sees it. */
export interface BroadcastState {
  /** Viewers may connect (the lead has not closed it on this node). */
  on: boolean;
  /** View-only viewers connected now. */
  viewers: number;
}

/** A consumer the server created (paused) for this participant; ack `{ ok: true }` once the local consumer exists. */
export interface ConsumerOffer {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  rtpParameters: MediasoupJson;
  /** `simulcast` for the lead's camera; `simple` otherwise. */
  type: string;
  producerPaused: boolean;
}

export type LessonEndReason = 'ended_by_teacher' | 'empty' | 'server_shutdown';

/** Events the server pushes. */
export interface LiveServerEvents {
  'consumer:new': (offer: ConsumerOffer, ack: (res: Ack<Record<string, never>>) => void) => void;
  'consumer:closed': (e: { consumerId: string; reason: string }) => void;
  'consumer:paused': (e: { consumerId: string }) => void;
  'consumer:resumed': (e: { consumerId: string }) => void;
  'consumer:layers': (e: { consumerId: string; spatialLayer: number | null; temporalLayer: number | null }) => void;
  'consumer:score': (e: { consumerId: string; score: number; producerScore: number }) => void;
  'producer:paused': (e: { producerId: string; byPeerId: string }) => void;
  'producer:resumed': (e: { producerId: string; byPeerId: string }) => void;
  'peer:joined': (peer: PeerView) => void;
  'peer:updated': (peer: PeerView) => void;
  'peer:left': (e: { peerId: string }) => void;
  /** This connection was replaced by a newer one with the same identity; the socket closes next. */
  'peer:replaced': () => void;
  'hand:changed': (e: { hands: HandEntry[] }) => void;
  'stage:changed': (e: { stagePeerId: string | null }) => void;
  'chat:message': (m: ChatMessageView) => void;
  'quiz:started': (q: QuizView) => void;
  /** Lead (all classrooms) and assistants (their classroom's answers only). */
  'quiz:tally': (q: QuizView) => void;
  'quiz:ended': (q: QuizView) => void;
  'whiteboard:stroke': (s: StrokeView) => void;
  'whiteboard:cleared': (e: { at: string }) => void;
  'file:shared': (f: SharedFileView) => void;
  'lesson:interaction': (e: { interaction: InteractionMode }) => void;
  'lesson:ended': (e: { reason: LessonEndReason }) => void;
  /** Lead only: how many view-only viewers watch the broadcast now (on join, then on change, at most once a second). */
  'broadcast:viewers': (e: BroadcastState) => void;
  /** Viewers only: the lead closed the broadcast; the connection closes next. */
  'broadcast:closed': () => void;
}

/** Client → server: every request carries its payload and an ack callback. */
export type LiveClientEvents = {
  [E in LiveRequestName]: (payload: LiveRequest<E>, ack: (res: Ack<LiveResponses[E]>) => void) => void;
};
