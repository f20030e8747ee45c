import { Injectable } from '@nestjs/common';
import { ErrorCode, LessonRole, type LiveRequest } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { types } from 'mediasoup';
import { Reply, type HandlerContext, type HandlerGroup, type HandlerMap } from '../handler.types';

const PUBLISHERS = new Set<LessonRole>([LessonRole.LEAD, LessonRole.CLASSROOM, LessonRole.MEMBER]);

/** Router capabilities, transports and entering the lesson. */
@Injectable()
export class SessionHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'router:capabilities': ({ room }) => ({ rtpCapabilities: { ...room.router.rtpCapabilities } }),
    'transport:create': async ({ room, peer }, { direction }) => {
      if (direction === 'send' && !PUBLISHERS.has(peer.role)) {
        throw new AppError(ErrorCode.FORBIDDEN, `a ${peer.role} does not publish`);
      }
      const info = await room.transportOps.create(peer, direction);
      // A replaced recv transport took its consumers along: offer them again once the client has this one.
      return direction === 'recv' && peer.joined ? new Reply(info, () => room.consumerOps.sync(peer)) : info;
    },
    'transport:connect': async ({ room, peer }, { transportId, dtlsParameters }) => {
      await room.transportOps.connect(peer, transportId, dtlsParameters);
      return {};
    },
    'transport:restartIce': async ({ room, peer }, { transportId }) => ({
      iceParameters: { ...(await room.transportOps.restartIce(peer, transportId)) },
    }),
    'room:join': (ctx, payload) => this.join(ctx, payload),
  };

  /** Enters the lesson: the answer is the lesson as this participant sees it; its consumers follow the answer. */
  private join({ room, peer }: HandlerContext, { rtpCapabilities, linkMode }: LiveRequest<'room:join'>) {
    if (peer.joined) throw new AppError(ErrorCode.INVALID_STATE, 'already joined');
    if (!room.transportOps.find(peer.id, 'recv')) {
      throw new AppError(ErrorCode.INVALID_STATE, 'create the recv transport before joining');
    }
    if (!Array.isArray(rtpCapabilities.codecs)) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'rtpCapabilities: codecs must be an array');
    }
    peer.rtpCapabilities = rtpCapabilities as unknown as types.RtpCapabilities;
    peer.joined = true;
    if (linkMode) peer.linkMode = linkMode;
    const firstTime = !peer.listed;
    peer.listed = true;
    room.attendanceJoined(peer);
    if (peer.role === LessonRole.CLASSROOM) room.quizzes.expect(peer);
    room.announce(peer, firstTime ? 'peer:joined' : 'peer:updated');
    if (peer.isLead) room.broadcast.tellLeads([peer]);
    return new Reply(room.joinedView(peer), () => room.consumerOps.sync(peer));
  }
}
