import { Injectable } from '@nestjs/common';
import { ErrorCode, LessonRole } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { actionDenial } from '../../policy/interaction.policy';
import type { Peer } from '../../rooms/peer';
import type { Room } from '../../rooms/room';
import type { HandlerContext, HandlerGroup, HandlerMap } from '../handler.types';
import { requireAllowed } from '../require-allowed';

/** The classroom a classroom terminal or its assistant acts for (it must be in the lesson). */
function ownClassroom(room: Room, peer: Peer): Peer {
  const classroom = peer.role === LessonRole.CLASSROOM ? peer : room.classroomPeer(peer.classroomId);
  if (!classroom?.listed) throw new AppError(ErrorCode.INVALID_STATE, 'your classroom is not in the lesson');
  return classroom;
}

/** Raised hands and the stage. */
@Injectable()
export class HandStageHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'hand:raise': ({ room, peer }) => {
      requireAllowed(actionDenial(peer, { kind: 'raise-hand' }, room.lesson.interaction));
      room.controls.raiseHand(ownClassroom(room, peer));
      return { hands: room.controls.handsFor(peer) };
    },
    'hand:lower': (ctx, { peerId }) => {
      ctx.room.controls.lowerHand(this.handToLower(ctx, peerId));
      return { hands: ctx.room.controls.handsFor(ctx.peer) };
    },
    'stage:set': async ({ room, peer }, { peerId }) => {
      requireAllowed(actionDenial(peer, { kind: 'lead-control' }, room.lesson.interaction));
      await room.controls.setStage(peerId);
      return { stagePeerId: room.lesson.stagePeerId };
    },
  };

  /** The lead lowers anyone's hand; a classroom or its assistant its own classroom's. */
  private handToLower({ room, peer }: HandlerContext, peerId: string | undefined): Peer {
    if (peer.role === LessonRole.LEAD) {
      if (!peerId) throw new AppError(ErrorCode.BAD_REQUEST, 'peerId: say whose hand to lower');
      const target = room.peers.get(peerId);
      if (!target?.listed) throw new AppError(ErrorCode.NOT_FOUND, `no participant ${peerId}`);
      return target;
    }
    if (peer.role === LessonRole.OBSERVER) throw new AppError(ErrorCode.FORBIDDEN, 'observers have no hand');
    const classroom = ownClassroom(room, peer);
    if (peerId && peerId !== classroom.id) {
      throw new AppError(ErrorCode.FORBIDDEN, "only the lead teacher lowers another classroom's hand");
    }
    return classroom;
  }
}
