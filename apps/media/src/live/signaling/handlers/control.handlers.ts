import { Injectable } from '@nestjs/common';
import { ErrorCode, type InteractionMode, type PermissionSet } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { actionDenial, controlDenial } from '../../policy/interaction.policy';
import { LiveRoomsService } from '../../rooms/live-rooms.service';
import type { Peer } from '../../rooms/peer';
import type { Room } from '../../rooms/room';
import { Reply, type HandlerGroup, type HandlerMap } from '../handler.types';
import { requireAllowed } from '../require-allowed';

function targetOf(room: Room, peerId: string): Peer {
  const target = room.peers.get(peerId);
  if (!target?.listed) throw new AppError(ErrorCode.NOT_FOUND, `no participant ${peerId}`);
  return target;
}

/** Link mode, mutes, permissions, the interaction switch and ending the lesson. */
@Injectable()
export class ControlHandlers implements HandlerGroup {
  constructor(private readonly rooms: LiveRoomsService) {}

  readonly handlers: HandlerMap = {
    'peer:setLinkMode': async ({ room, peer }, { mode }) => {
      if (!peer.joined) throw new AppError(ErrorCode.INVALID_STATE, 'join the room first');
      await room.controls.setLinkMode(peer, mode);
      return { self: room.view(peer) };
    },
    'peer:mute': async ({ room, peer }, { peerId, source, muted }) => {
      const target = targetOf(room, peerId);
      const control = { kind: muted ? ('mute' as const) : ('unmute' as const), source };
      requireAllowed(controlDenial(peer, target, control, room.lesson.interaction));
      await room.controls.mute(target, source, muted, peer);
      return {};
    },
    'permissions:set': async ({ room, peer }, { peerId, permissions }) => {
      const target = targetOf(room, peerId);
      const changes = permissions as Partial<PermissionSet>;
      requireAllowed(controlDenial(peer, target, { kind: 'permissions', changes }, room.lesson.interaction));
      await room.controls.setPermissions(target, changes, peer);
      return { peer: room.view(target) };
    },
    'lesson:setInteraction': async ({ room, peer }, { mode }) => {
      requireAllowed(actionDenial(peer, { kind: 'lead-control' }, room.lesson.interaction));
      await room.controls.setInteraction(mode as InteractionMode, peer);
      return { interaction: room.lesson.interaction };
    },
    'lesson:end': ({ room, peer }) => {
      requireAllowed(actionDenial(peer, { kind: 'lead-control' }, room.lesson.interaction));
      return new Reply({}, () => this.rooms.end(room, 'ended_by_teacher'));
    },
  };
}
