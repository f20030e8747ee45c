import { Injectable } from '@nestjs/common';
import { ErrorCode, type LiveRequest, type MediaSource } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { actionDenial } from '../../policy/interaction.policy';
import type { HandlerContext, HandlerGroup, HandlerMap } from '../handler.types';
import { requireAllowed } from '../require-allowed';

const KIND_OF: Record<MediaSource, 'audio' | 'video'> = { mic: 'audio', camera: 'video', screen: 'video' };

/** Publishing: create, pause (mute), resume (unmute, policed) and close one's own tracks. */
@Injectable()
export class ProducerHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'producer:create': (ctx, payload) => this.create(ctx, payload),
    'producer:pause': async ({ room, peer }, { producerId }) => {
      await room.producerOps.setReason(room.producerOps.own(peer, producerId), 'owner', true, peer);
      return {};
    },
    'producer:resume': async ({ room, peer }, { producerId }) => {
      const entry = room.producerOps.own(peer, producerId);
      requireAllowed(actionDenial(peer, { kind: 'unmute', source: entry.source }, room.lesson.interaction));
      if (entry.source === 'screen' && entry.producer.paused) room.producerOps.assertScreenFree(peer);
      if (entry.source !== 'screen') peer.muted.delete(entry.source);
      entry.reasons.delete('muted');
      await room.producerOps.setReason(entry, 'owner', false, peer);
      return {};
    },
    'producer:close': ({ room, peer }, { producerId }) => {
      room.producerOps.close(room.producerOps.own(peer, producerId), 'closed_by_owner');
      room.announce(peer, 'peer:updated');
      return {};
    },
  };

  private async create(ctx: HandlerContext, req: LiveRequest<'producer:create'>) {
    const { room, peer } = ctx;
    if (KIND_OF[req.source] !== req.kind) {
      throw new AppError(ErrorCode.BAD_REQUEST, `a ${req.source} track must be ${KIND_OF[req.source]}`);
    }
    requireAllowed(actionDenial(peer, { kind: 'publish', source: req.source }, room.lesson.interaction));
    if (req.source === 'screen') room.producerOps.assertScreenFree(peer);
    const entry = await room.producerOps.create(peer, req);
    room.announce(peer, 'peer:updated');
    await room.consumerOps.onProducer(entry);
    return { producerId: entry.producer.id };
  }
}
