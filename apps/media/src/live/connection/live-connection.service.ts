import { Injectable, Logger } from '@nestjs/common';
import { LiveConfig } from '@tongke/config';
import { LiveEmitter } from '../emit/live.emitter';
import type { LiveSocket } from '../live-socket.types';
import { LiveRoomsService } from '../rooms/live-rooms.service';
import { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';

/**
 * Connections of the `/live` namespace and the participants behind them: admission (a new
 * participant, or replacing the same identity's older connection), recovery of a dropped
 * connection (the same participant and media continue), the reconnect grace after a drop, and
 * removal.
 */
@Injectable()
export class LiveConnectionService {
  private readonly logger = new Logger(LiveConnectionService.name);

  private readonly admissions = new WeakMap<LiveSocket, Promise<void>>();

  constructor(
    private readonly rooms: LiveRoomsService,
    private readonly emitter: LiveEmitter,
    private readonly live: LiveConfig,
  ) {}

  /** Resolves once the socket's admission (or recovery) is done: requests wait for it. */
  whenAdmitted(socket: LiveSocket): Promise<void> {
    return this.admissions.get(socket) ?? Promise.resolve();
  }

  onConnect(socket: LiveSocket): Promise<void> {
    socket.once('disconnect', (reason) => void this.onDisconnect(socket, reason));
    const admission = this.admitOrResume(socket);
    this.admissions.set(socket, admission);
    return admission;
  }

  private async admitOrResume(socket: LiveSocket): Promise<void> {
    try {
      if (socket.recovered && (await this.resume(socket))) return;
      await this.admit(socket);
    } catch (err) {
      this.logger.error(`admitting connection ${socket.id} failed: ${(err as Error).message}`, (err as Error).stack);
      this.emitter.disconnect(socket);
    }
  }

  /**
   * A recovered connection: its participant (and media) continue; attendance reopens. A screen it
   * still shares is held paused if someone else started sharing while it was away.
   */
  private async resume(socket: LiveSocket): Promise<boolean> {
    const room = this.rooms.find(socket.data.claims.sid);
    const peer = room?.peers.get(socket.data.peerId);
    if (!room || !peer) return false;
    await room.exclusive(async () => {
      this.rooms.cancelEmpty(room);
      peer.attach(socket, false);
      this.logger.log(`peer ${peer.id} recovered its connection`);
      if (!socket.connected) return this.detach(room, peer, 'transport close');
      room.recorder?.tracksChanged();
      if (!peer.joined) return;
      room.attendanceJoined(peer);
      await room.producerOps.holdScreenOnReturn(peer);
      room.announce(peer, 'peer:updated');
      await room.consumerOps.sync(peer);
    });
    return true;
  }

  /** A fresh connection: a new participant, or the same identity replacing its previous connection. */
  private async admit(socket: LiveSocket): Promise<void> {
    const { claims, peerId } = socket.data;
    if (this.rooms.isEnded(claims.sid)) return this.turnAway(socket);
    const room = await this.rooms.acquire(claims.sid, claims.title ?? '', claims.rec === true);
    await room.exclusive(async () => {
      if (room.closed) return this.turnAway(socket);
      this.rooms.cancelEmpty(room);
      let peer = room.peers.get(peerId);
      if (peer) this.replace(room, peer, socket);
      else room.peers.set(peerId, (peer = new Peer(claims, socket)));
      await this.emitter.enterPeer(socket, peerId);
      if (!socket.connected) this.detach(room, peer, 'transport close');
    });
  }

  /** The lesson ended while this connection was being admitted: it hears `lesson:ended` and closes. */
  private turnAway(socket: LiveSocket): void {
    socket.emit('lesson:ended', { reason: this.rooms.endReason(socket.data.claims.sid) ?? 'ended_by_teacher' });
    this.emitter.disconnect(socket);
  }

  /** The older connection hears `peer:replaced` and closes; its media closes; the participant starts clean. */
  private replace(room: Room, peer: Peer, socket: LiveSocket): void {
    const old = peer.socket;
    if (old.connected) old.emit('peer:replaced');
    this.emitter.disconnect(old);
    for (const t of room.transportOps.ofPeer(peer.id)) room.transportOps.close(t, 'replaced');
    peer.attach(socket, true);
    this.logger.log(`peer ${peer.id} replaced by a new connection`);
    room.announce(peer, 'peer:updated');
  }

  private async onDisconnect(socket: LiveSocket, reason: string): Promise<void> {
    const room = await this.rooms.settled(socket.data.claims.sid);
    if (!room) return;
    await room
      .exclusive(() => {
        const peer = room.peers.get(socket.data.peerId);
        if (!peer || peer.socket !== socket || room.closed) return;
        this.detach(room, peer, reason);
      })
      .catch((err: Error) => this.logger.error(`disconnect of ${socket.id} failed: ${err.message}`, err.stack));
  }

  /**
   * The participant's connection dropped (under the room's lock): attendance closes now; it keeps its
   * place and media for the reconnect grace, unless it left on purpose or never joined.
   */
  private detach(room: Room, peer: Peer, reason: string): void {
    peer.connected = false;
    room.recorder?.tracksChanged();
    room.attendanceLeft(peer);
    this.logger.log(`peer ${peer.id} disconnected (${reason})`);
    if (reason === 'client namespace disconnect' || !peer.listed) {
      this.remove(room, peer, reason === 'client namespace disconnect' ? 'left' : 'disconnected');
    } else {
      room.announce(peer, 'peer:updated');
      peer.graceTimer = setTimeout(() => {
        room.background('reconnect grace', () => {
          if (!peer.connected && room.peers.get(peer.id) === peer) this.remove(room, peer, 'reconnect_timeout');
        });
      }, this.live.peerReconnectGraceMs);
      peer.graceTimer.unref();
    }
    this.rooms.checkEmpty(room);
  }

  /** Removes a participant (under the room's lock): its media, hand and stage go; the others hear `peer:left`. */
  private remove(room: Room, peer: Peer, reason: string): void {
    this.emitter.revoke(peer.socket);
    clearTimeout(peer.graceTimer);
    const viewers = peer.listed ? room.viewersOf(peer) : [];
    for (const t of room.transportOps.ofPeer(peer.id)) room.transportOps.close(t, reason);
    room.peers.delete(peer.id);
    peer.listed = false;
    room.controls.lowerHand(peer);
    room.attendanceLeft(peer);
    room.toPeers(viewers, 'peer:left', { peerId: peer.id });
    if (room.lesson.stagePeerId === peer.id) {
      room.background('stage cleared', () => room.controls.setStage(null));
    }
    this.logger.log(`peer ${peer.id} removed (${reason})`);
  }
}
