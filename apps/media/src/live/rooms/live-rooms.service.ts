import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { BroadcastConfig, LiveConfig, MediaServerConfig, MediasoupConfig } from '@tongke/config';
import { ErrorCode, LessonRole, type JoinTokenClaims, type LessonEndReason } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { LiveEmitter } from '../emit/live.emitter';
import type { LiveSocket } from '../live-socket.types';
import { LinkStatsPublisher } from '../link-stats.publisher';
import { LESSON_MEDIA_CODECS } from '../media/media-codecs';
import { eventStamp, LessonRecordClient } from '../record/lesson-record.client';
import { LessonRecorderFactory } from '../recording/lesson-recorder.factory';
import { WorkerPoolService } from '../../workers/worker-pool.service';
import type { Peer } from './peer';
import { Room } from './room';

/** Ended lessons are remembered this long (far beyond any join token issued before the end). */
const ENDED_MEMORY_MS = 6 * 3600_000;

/** The lesson rooms on this node: created on first join, closed when ended or left empty. */
@Injectable()
export class LiveRoomsService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveRoomsService.name);
  private readonly rooms = new Map<string, Room>();
  private readonly creating = new Map<string, Promise<Room>>();
  private readonly ended = new Map<string, { at: number; reason: LessonEndReason }>();

  constructor(
    private readonly pool: WorkerPoolService,
    private readonly emitter: LiveEmitter,
    private readonly records: LessonRecordClient,
    private readonly mediasoup: MediasoupConfig,
    private readonly live: LiveConfig,
    private readonly server: MediaServerConfig,
    private readonly recorders: LessonRecorderFactory,
    private readonly broadcast: BroadcastConfig,
    private readonly linkStats: LinkStatsPublisher,
  ) {}

  isEnded(sessionId: string): boolean {
    return this.endReason(sessionId) !== undefined;
  }

  /** Why the lesson ended on this node, if it did. */
  endReason(sessionId: string): LessonEndReason | undefined {
    const ended = this.ended.get(sessionId);
    if (ended && Date.now() - ended.at > ENDED_MEMORY_MS) this.ended.delete(sessionId);
    return this.ended.get(sessionId)?.reason;
  }

  /**
   * Refuses a connection this node cannot take now: LESSON_ENDED for a lesson that ended here; a
   * broadcast viewer only into a running lesson (LESSON_NOT_OPEN: viewers never start one) whose
   * broadcast the lead has not closed (FORBIDDEN).
   */
  assertAdmits(claims: JoinTokenClaims): void {
    if (this.isEnded(claims.sid)) throw new AppError(ErrorCode.LESSON_ENDED, 'this lesson has ended');
    if (claims.role !== LessonRole.VIEWER) return;
    const room = this.rooms.get(claims.sid);
    if (!room) throw new AppError(ErrorCode.LESSON_NOT_OPEN, 'the broadcast starts when the lesson does');
    if (!room.broadcast.open) throw new AppError(ErrorCode.FORBIDDEN, 'the teacher has closed the broadcast');
  }

  find(sessionId: string): Room | undefined {
    return this.rooms.get(sessionId);
  }

  /** The room, once any creation under way has finished. */
  async settled(sessionId: string): Promise<Room | undefined> {
    await this.creating.get(sessionId)?.catch(() => undefined);
    return this.rooms.get(sessionId);
  }

  /** The lesson's room, created on the least-loaded worker by the first participant (recorded if `record`). */
  async acquire(sessionId: string, title: string, record = false): Promise<Room> {
    const room = this.rooms.get(sessionId);
    if (room) return room;
    if (this.isEnded(sessionId)) throw new AppError(ErrorCode.LESSON_ENDED, 'this lesson has ended');
    let pending = this.creating.get(sessionId);
    if (!pending) {
      pending = this.create(sessionId, title, record).finally(() => this.creating.delete(sessionId));
      this.creating.set(sessionId, pending);
    }
    return pending;
  }

  private async create(sessionId: string, title: string, record: boolean): Promise<Room> {
    const router = await this.pool.createRouter({ mediaCodecs: LESSON_MEDIA_CODECS, appData: { sessionId } });
    const deps = {
      emitter: this.emitter,
      records: this.records,
      mediasoup: this.mediasoup,
      workers: this.pool,
      broadcast: this.broadcast,
      linkStats: this.linkStats,
    };
    const room = new Room(sessionId, title, router, deps);
    this.rooms.set(sessionId, room);
    router.observer.once('close', () => {
      if (!room.closed) room.background('router closed', () => this.end(room, 'server_shutdown'));
    });
    room.report({ type: 'session.started', ...eventStamp(room.startedAt), mediaNodeId: this.server.nodeId });
    room.recorder = this.recorders.create(room, record);
    this.logger.log(`room for session ${sessionId} opened on router ${router.id}`);
    return room;
  }

  /** The room and participant behind a socket; INVALID_STATE if this connection is no longer in the lesson. */
  contextOf(socket: LiveSocket): { room: Room; peer: Peer } {
    const { claims, peerId } = socket.data;
    const room = this.rooms.get(claims.sid);
    if (!room) {
      if (this.isEnded(claims.sid)) throw new AppError(ErrorCode.LESSON_ENDED, 'this lesson has ended');
      throw new AppError(ErrorCode.INVALID_STATE, 'this connection is not in a lesson');
    }
    const peer = room.peers.get(peerId);
    if (!peer || peer.socket !== socket) {
      throw new AppError(ErrorCode.INVALID_STATE, 'this connection is no longer part of the lesson');
    }
    return { room, peer };
  }

  /** Starts the empty-room countdown if nobody is connected (call under the room's lock). */
  checkEmpty(room: Room): void {
    if (room.closed || room.emptyTimer || room.connectedCount() > 0) return;
    room.emptyTimer = setTimeout(() => {
      room.emptyTimer = undefined;
      room.background('empty room', () => {
        if (room.connectedCount() === 0) this.end(room, 'empty');
      });
    }, this.live.roomEmptyGraceMs);
    room.emptyTimer.unref();
  }

  cancelEmpty(room: Room): void {
    clearTimeout(room.emptyTimer);
    room.emptyTimer = undefined;
  }

  /**
   * Ends the lesson here (under the room's lock): everyone hears `lesson:ended` and is disconnected,
   * attendance closes, the room's media closes, the record gets `session.ended`; later tokens for it
   * are refused with LESSON_ENDED.
   */
  end(room: Room, reason: LessonEndReason): void {
    if (room.closed) return;
    const peers = [...room.peers.values()];
    room.toPeers(peers, 'lesson:ended', { reason });
    const at = new Date();
    for (const peer of peers) {
      room.attendanceLeft(peer, at);
      this.emitter.disconnect(peer.socket);
    }
    room.close();
    this.rooms.delete(room.sessionId);
    this.ended.set(room.sessionId, { at: Date.now(), reason });
    room.report({ type: 'session.ended', ...eventStamp(at), reason });
    this.logger.log(`session ${room.sessionId} ended: ${reason}`);
  }

  async onModuleDestroy(): Promise<void> {
    const rooms = [...this.rooms.values()];
    for (const room of rooms) {
      await room.exclusive(() => this.end(room, 'server_shutdown'));
    }
    await Promise.all(rooms.map((room) => room.recorder?.finish()));
    await this.records.flush();
  }
}
