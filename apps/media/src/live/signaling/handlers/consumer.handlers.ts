import { Injectable } from '@nestjs/common';
import type { HandlerGroup, HandlerMap } from '../handler.types';

/** Receiving: pause/resume one's own consumers and cap their simulcast layers. */
@Injectable()
export class ConsumerHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'consumer:pause': async ({ room, peer }, { consumerId }) => {
      await room.consumerOps.setReason(room.consumerOps.own(peer, consumerId), 'client', true);
      return {};
    },
    'consumer:resume': async ({ room, peer }, { consumerId }) => {
      await room.consumerOps.setReason(room.consumerOps.own(peer, consumerId), 'client', false);
      return {};
    },
    'consumer:setPreferredLayers': async ({ room, peer }, { consumerId, spatialLayer, temporalLayer }) => {
      await room.consumerOps.setPreferredLayers(room.consumerOps.own(peer, consumerId), spatialLayer, temporalLayer);
      return {};
    },
  };
}
