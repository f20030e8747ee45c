import type {
  BroadcastState,
  ChatMessageView,
  HandEntry,
  InteractionMode,
  LessonEndReason,
  LessonRole,
  LinkMode,
  LiveSessionKind,
  MediaSource,
  PeerView,
  QuizView,
  SharedFileView,
  StrokeView,
} from '@tongke/contracts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'error';

/** A remote track this participant receives (the media itself stays in the client, not in the state). */
export interface ConsumerView {
  id: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  /** `simulcast` for the lead's camera; `simple` otherwise. */
  type: string;
  /** Paused by the server (e.g. bandwidth, audio-only, the producer paused). */
  paused: boolean;
  producerPaused: boolean;
  score: number | null;
  producerScore: number | null;
  spatialLayer: number | null;
  temporalLayer: number | null;
}

/** One of this participant's own published tracks. */
export interface OwnProducerView {
  producerId: string;
  paused: boolean;
}

export interface NoteEntry {
  id: string;
  at: string;
  offsetMs: number;
  text: string;
}

/** What the views render; mutated only through the reducer functions. */
export interface LiveState {
  status: LiveStatus;
  /** Why the lesson cannot go on (status `error`). */
  fatal: { code: string; message: string } | null;
  endReason: LessonEndReason | null;
  sessionId: string;
  role: LessonRole | null;
  title: string;
  /** The session's kind, from the join answer (a `meeting` opens at /meeting/:id). */
  kind: LiveSessionKind | null;
  startedAt: string | null;
  selfId: string | null;
  self: PeerView | null;
  /** Everyone else this participant may see (observers are never sent to classrooms). */
  peers: PeerView[];
  consumers: ConsumerView[];
  producers: Partial<Record<MediaSource, OwnProducerView>>;
  linkMode: LinkMode;
  interaction: InteractionMode;
  stagePeerId: string | null;
  hands: HandEntry[];
  chat: ChatMessageView[];
  quiz: QuizView | null;
  /** This classroom's last submitted answer to the open quiz. */
  quizAnswer: { quizId: string; choices: number[] } | null;
  strokes: StrokeView[];
  files: SharedFileView[];
  notes: NoteEntry[];
  /**
   * The lesson's broadcast (名校网络课堂): `on` as the API holds it (from the join answer, then
   * the lead's toggle), `viewers` as the media node last counted them (lead only). Null before joining.
   */
  broadcast: BroadcastState | null;
}

export function createLiveState(sessionId: string): LiveState {
  return {
    status: 'connecting',
    fatal: null,
    endReason: null,
    sessionId,
    role: null,
    title: '',
    kind: null,
    startedAt: null,
    selfId: null,
    self: null,
    peers: [],
    consumers: [],
    producers: {},
    linkMode: 'full',
    interaction: 'open',
    stagePeerId: null,
    hands: [],
    chat: [],
    quiz: null,
    quizAnswer: null,
    strokes: [],
    files: [],
    notes: [],
    broadcast: null,
  };
}
