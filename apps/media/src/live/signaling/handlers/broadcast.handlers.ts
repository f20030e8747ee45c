import { Injectable } from '@nestjs/common';
import { actionDenial } from '../../policy/interaction.policy';
import type { HandlerGroup, HandlerMap } from '../handler.types';
import { requireAllowed } from '../require-allowed';

/** The lesson's broadcast (名校网络课堂) on this node: the lead opens or closes it to viewers. */
@Injectable()
export class BroadcastHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'broadcast:set': ({ room, peer }, { on }) => {
      requireAllowed(actionDenial(peer, { kind: 'lead-control' }, room.lesson.interaction));
      return room.broadcast.setOpen(on);
    },
  };
}
