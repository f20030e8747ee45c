import { Logger } from '@nestjs/common';
import type { BroadcastConfig, MediasoupConfig } from '@tongke/config';
import {
  LessonRole,
  type LessonRecordEvent,
  type LessonSnapshot,
  type PeerView,
  type RoomJoined,
} from '@tongke/contracts';
import { Mutex } from 'async-mutex';
import type { types } from 'mediasoup';
import { BroadcastFanout, type ViewerRouterPool } from '../broadcast/broadcast.fanout';
import type { BroadcastEvent, EventPayload, LiveEmitter } from '../emit/live.emitter';
import type { LinkStatsPublisher } from '../link-stats.publisher';
import { LessonState } from '../lesson/lesson.state';
import { ClassroomControls } from '../lesson/classroom.controls';
import { QuizRunner } from '../lesson/quiz.runner';
import { ConsumerManager } from '../media/consumer.manager';
import { LinkStatsReporter } from '../media/link-stats.reporter';
import type { ConsumerEntry, ProducerEntry, TransportEntry } from '../media/media-entries';
import { ProducerManager } from '../media/producer.manager';
import { QualityMonitor } from '../media/quality.monitor';
import { TransportManager } from '../media/transport.manager';
import { seesPeer } from '../policy/visibility.policy';
import { eventStamp, type LessonRecordClient } from '../record/lesson-record.client';
import type { LessonRecorder } from '../recording/lesson.recorder';
import type { Peer } from './peer';

export interface RoomDeps {
  emitter: LiveEmitter;
  records: LessonRecordClient;
  mediasoup: MediasoupConfig;
  /** Where broadcast viewer routers come from (the worker pool) and each worker's consumer budget. */
  workers: ViewerRouterPool;
  broadcast: BroadcastConfig;
  /** Where the participants' link stats go (the API's live operations view). */
  linkStats: LinkStatsPublisher;
}

/**
 * One live lesson on this node: its router, and the only maps of its participants, transports,
 * producers and consumers. Operations on a room run one at a time (`exclusive`); the managers it
 * owns do the media work, the lesson state and controls the classroom interaction.
 */
export class Room {
  readonly logger: Logger;
  readonly mutex = new Mutex();
  readonly startedAt = new Date();
  readonly peers = new Map<string, Peer>();
  readonly transports = new Map<string, TransportEntry>();
  readonly producers = new Map<string, ProducerEntry>();
  readonly consumers = new Map<string, ConsumerEntry>();
  readonly lesson = new LessonState();
  readonly transportOps = new TransportManager(this);
  readonly producerOps = new ProducerManager(this);
  readonly consumerOps = new ConsumerManager(this);
  readonly controls = new ClassroomControls(this);
  readonly quizzes = new QuizRunner(this);
  private readonly quality = new QualityMonitor(this);
  private readonly linkStats: LinkStatsReporter;
  /** View-only broadcast viewers (名校网络课堂): their viewer routers and the pipes to them. */
  readonly broadcast: BroadcastFanout;
  closed = false;
  emptyTimer: NodeJS.Timeout | undefined;
  /** Records the lesson (set on creation when it is to be recorded); stopped when the room closes. */
  recorder: LessonRecorder | undefined;

  constructor(
    readonly sessionId: string,
    readonly title: string,
    readonly router: types.Router,
    readonly deps: RoomDeps,
  ) {
    this.logger = new Logger(`Room ${sessionId}`);
    this.broadcast = new BroadcastFanout(this, deps.workers, deps.broadcast.workerConsumerBudget);
    this.quality.start();
    this.linkStats = new LinkStatsReporter(this, deps.linkStats);
    this.linkStats.start();
  }

  get emitter(): LiveEmitter {
    return this.deps.emitter;
  }

  /** Runs `fn` once the operations queued before it on this room are done. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.mutex.runExclusive(fn);
  }

  /** Queues background work on this room (timers, acks); skipped once closed, failures logged. */
  background(what: string, fn: () => Promise<void> | void): void {
    void this.exclusive(async () => {
      if (!this.closed) await fn();
    }).catch((err: Error) => this.logger.error(`${what} failed: ${err.message}`, err.stack));
  }

  /** Participants the others know about (joined once, not removed). */
  listed(): Peer[] {
    return [...this.peers.values()].filter((p) => p.listed);
  }

  /** Connected participants; broadcast viewers don't count (a lesson left to its viewers is empty). */
  connectedCount(): number {
    return [...this.peers.values()].filter((p) => p.connected && p.role !== LessonRole.VIEWER).length;
  }

  hasConnectedLead(): boolean {
    return [...this.peers.values()].some((p) => p.isLead && p.connected);
  }

  /** The classroom terminal of `classroomId` in this lesson, if it is here. */
  classroomPeer(classroomId: string | undefined): Peer | undefined {
    if (!classroomId) return undefined;
    return [...this.peers.values()].find((p) => p.role === LessonRole.CLASSROOM && p.classroomId === classroomId);
  }

  view(peer: Peer): PeerView {
    const view: PeerView = {
      id: peer.id,
      userId: peer.userId,
      name: peer.name,
      role: peer.role,
      connected: peer.connected,
      linkMode: peer.linkMode,
      permissions: { ...peer.permissions },
      handRaised: this.lesson.hands.has(peer.id),
      onStage: this.lesson.stagePeerId === peer.id,
      tracks: this.producerOps.ofPeer(peer.id).map((p) => ({
        producerId: p.producer.id,
        kind: p.producer.kind,
        source: p.source,
        paused: p.producer.paused,
      })),
      quality: peer.quality,
    };
    if (peer.classroomId) view.classroomId = peer.classroomId;
    return view;
  }

  /** Listed participants told about `subject` (itself too if `withSelf`). */
  viewersOf(subject: Peer, withSelf = false): Peer[] {
    const onStage = this.lesson.stagePeerId === subject.id;
    return this.listed().filter((p) => (p === subject ? withSelf : seesPeer(p.role, subject.role, onStage)));
  }

  /** Tells the participants who see `subject` that it joined or changed (`peer:updated` reaches itself too). */
  announce(subject: Peer, event: 'peer:joined' | 'peer:updated'): void {
    if (!subject.listed) return;
    this.toPeers(this.viewersOf(subject, event === 'peer:updated'), event, this.view(subject));
  }

  toPeers<E extends BroadcastEvent>(peers: Peer[], event: E, payload?: EventPayload<E>): void {
    this.emitter.toPeers(
      peers.map((p) => p.id),
      event,
      payload,
    );
  }

  /** Sends to every listed participant (but `except`). */
  toAll<E extends BroadcastEvent>(event: E, payload?: EventPayload<E>, except?: Peer): void {
    this.toPeers(
      this.listed().filter((p) => p !== except),
      event,
      payload,
    );
  }

  /** Queues a background lesson record event (in order for this session). */
  report(event: LessonRecordEvent): void {
    this.deps.records.report(this.sessionId, event);
  }

  /**
   * Opens an attendance interval for `peer` if none is open. Broadcast viewers are no attendees:
   * their coming and going only updates the lead's viewer count (here and in `attendanceLeft`).
   */
  attendanceJoined(peer: Peer, at = new Date()): void {
    if (peer.role === LessonRole.VIEWER) return this.broadcast.viewersChanged();
    if (peer.present) return;
    peer.present = true;
    this.report({ type: 'attendance.joined', ...eventStamp(at), who: peer.who });
  }

  /** Closes `peer`'s attendance interval if one is open. */
  attendanceLeft(peer: Peer, at = new Date()): void {
    if (peer.role === LessonRole.VIEWER) return this.broadcast.viewersChanged();
    if (!peer.present) return;
    peer.present = false;
    this.report({ type: 'attendance.left', ...eventStamp(at), who: peer.who });
  }

  snapshot(viewer: Peer): LessonSnapshot {
    const { lesson } = this;
    return {
      sessionId: this.sessionId,
      title: this.title,
      startedAt: this.startedAt.toISOString(),
      interaction: lesson.interaction,
      stagePeerId: lesson.stagePeerId,
      hands: this.controls.handsFor(viewer),
      chat: lesson.chat,
      quiz: this.quizzes.viewFor(viewer),
      strokes: lesson.strokes,
      files: lesson.files,
    };
  }

  joinedView(self: Peer): RoomJoined {
    const stage = this.lesson.stagePeerId;
    const peers = this.listed().filter((p) => p !== self && seesPeer(self.role, p.role, p.id === stage));
    return { self: this.view(self), peers: peers.map((p) => this.view(p)), lesson: this.snapshot(self) };
  }

  /** Closes everything (the caller reports and notifies): every transport, then the router. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.emptyTimer);
    this.quality.stop();
    void this.linkStats.stop();
    void this.recorder?.finish();
    this.lesson.dispose();
    for (const peer of this.peers.values()) clearTimeout(peer.graceTimer);
    for (const entry of this.transports.values()) this.transportOps.close(entry, 'room_closed');
    this.router.close();
    this.broadcast.close();
    this.logger.log('room closed');
  }
}
