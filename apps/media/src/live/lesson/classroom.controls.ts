import {
  ErrorCode,
  LessonRole,
  type HandEntry,
  type InteractionMode,
  type LinkMode,
  type PermissionSet,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { ProducerEntry } from '../media/media-entries';
import { isClassroomAudio, linkHolds } from '../media/producer.manager';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';

/**
 * The lesson's classroom controls, applied to the room's state and media: hands, the stage, the
 * interaction switch, mutes, permissions and link modes. Callers have checked who may do it.
 */
export class ClassroomControls {
  constructor(private readonly room: Room) {}

  /** The hand queue as `viewer` sees it: the lead and observers all of it, a classroom (or its assistant) its own hand. */
  handsFor(viewer: Peer): HandEntry[] {
    const { hands } = this.room.lesson;
    if (viewer.role === LessonRole.LEAD || viewer.role === LessonRole.OBSERVER) return hands.list();
    const classroom = viewer.role === LessonRole.CLASSROOM ? viewer : this.room.classroomPeer(viewer.classroomId);
    return classroom ? hands.list(classroom.id) : [];
  }

  raiseHand(classroom: Peer): void {
    if (this.room.lesson.hands.raise(classroom.id, classroom.name, new Date())) this.handsChanged(classroom);
  }

  lowerHand(classroom: Peer): void {
    if (this.room.lesson.hands.lower(classroom.id)) this.handsChanged(classroom);
  }

  /** `hand:changed` to the lead, the classroom concerned and its assistants; the classroom's `peer:updated`. */
  private handsChanged(classroom: Peer): void {
    const audience = this.room
      .listed()
      .filter(
        (p) =>
          p.role === LessonRole.LEAD ||
          p === classroom ||
          (p.role === LessonRole.ASSISTANT && p.classroomId === classroom.classroomId),
      );
    for (const p of audience) this.room.toPeers([p], 'hand:changed', { hands: this.handsFor(p) });
    this.room.announce(classroom, 'peer:updated');
  }

  /** Puts a connected classroom on stage (or clears it); everyone hears `stage:changed`; consumers follow. */
  async setStage(peerId: string | null): Promise<void> {
    const { lesson } = this.room;
    const target = peerId === null ? null : this.room.peers.get(peerId);
    if (peerId !== null && (!target || !target.listed))
      throw new AppError(ErrorCode.NOT_FOUND, `no participant ${peerId}`);
    if (target && target.role !== LessonRole.CLASSROOM) {
      throw new AppError(ErrorCode.INVALID_STATE, 'only a classroom can be called on stage');
    }
    if (target && !target.connected) throw new AppError(ErrorCode.INVALID_STATE, `${target.name} is not connected`);
    const previous = lesson.stagePeerId === null ? undefined : this.room.peers.get(lesson.stagePeerId);
    if (lesson.stagePeerId === peerId) return;
    lesson.stagePeerId = peerId;
    if (target) this.lowerHand(target);
    this.room.toAll('stage:changed', { stagePeerId: peerId });
    this.room.broadcast.stageChanged(previous, target ?? undefined);
    for (const p of [previous, target]) if (p) this.room.announce(p, 'peer:updated');
    this.room.recorder?.tracksChanged();
    await this.room.consumerOps.syncAll();
  }

  /**
   * The lesson-wide interaction switch (see InteractionMode): classroom audio is held while paused
   * or disabled; reopening after a pause restores the audio that was live; leaving `disabled` leaves
   * the held audio muted (each classroom may unmute itself again).
   */
  async setInteraction(mode: InteractionMode, by: Peer): Promise<void> {
    const { lesson } = this.room;
    const previous = lesson.interaction;
    if (mode === previous) return;
    lesson.interaction = mode;
    for (const entry of this.classroomMics()) {
      const owner = this.room.peers.get(entry.peerId);
      if (previous === 'disabled' && entry.reasons.delete('interaction')) {
        entry.reasons.add('muted');
        owner?.muted.add('mic');
      }
      await this.room.producerOps.setReason(entry, 'interaction', mode !== 'open', by);
    }
    this.room.toAll('lesson:interaction', { interaction: mode });
  }

  private classroomMics(): ProducerEntry[] {
    return [...this.room.producers.values()].filter((p) => {
      const owner = this.room.peers.get(p.peerId);
      return owner !== undefined && isClassroomAudio(owner, p.source);
    });
  }

  /** Mutes (pauses server-side) or unmutes a participant's mic or camera; remembered for a later track. */
  async mute(target: Peer, source: 'mic' | 'camera', muted: boolean, by: Peer): Promise<void> {
    if (muted) target.muted.add(source);
    else target.muted.delete(source);
    const entry = this.room.producerOps.bySource(target.id, source);
    if (!entry) return;
    if (!muted) entry.reasons.delete('owner');
    await this.room.producerOps.setReason(entry, 'muted', muted, by);
  }

  /** Changes permissions; turning off audio, video or screen also pauses those tracks server-side. */
  async setPermissions(target: Peer, changes: Partial<PermissionSet>, by: Peer): Promise<void> {
    Object.assign(target.permissions, changes);
    if (changes.audio === false) await this.mute(target, 'mic', true, by);
    if (changes.video === false) await this.mute(target, 'camera', true, by);
    const screen = this.room.producerOps.bySource(target.id, 'screen');
    if (screen && (changes.video === false || changes.screen === false)) {
      await this.room.producerOps.setReason(screen, 'muted', true, by);
    }
    this.room.announce(target, 'peer:updated');
  }

  /** Receive-only pauses the participant's tracks; audio-only its video tracks and the video it receives. */
  async setLinkMode(peer: Peer, mode: LinkMode): Promise<void> {
    peer.linkMode = mode;
    for (const p of this.room.producerOps.ofPeer(peer.id)) {
      await this.room.producerOps.setReason(p, 'link', linkHolds(peer, p.producer.kind), peer);
    }
    await this.room.consumerOps.setLinkPaused(peer, mode === 'audio-only');
    this.room.announce(peer, 'peer:updated');
  }
}
