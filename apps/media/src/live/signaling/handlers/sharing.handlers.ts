import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type ChatMessageView,
  type LiveRequest,
  type SharedFileView,
  type StrokeView,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { actionDenial } from '../../policy/interaction.policy';
import { eventStamp } from '../../record/lesson-record.client';
import { AfterStored, type HandlerContext, type HandlerGroup, type HandlerMap } from '../handler.types';
import { requireAllowed } from '../require-allowed';

/** Largest file shared in a lesson, decoded. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Chat, whiteboard, files and observer notes: each stored in the lesson record before anyone sees it. */
@Injectable()
export class SharingHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'chat:send': (ctx, payload) => this.chat(ctx, payload),
    'whiteboard:stroke': (ctx, payload) => this.stroke(ctx, payload),
    'whiteboard:clear': ({ room, peer }) => {
      requireAllowed(actionDenial(peer, { kind: 'annotate' }, room.lesson.interaction));
      const event = { type: 'whiteboard.cleared' as const, ...eventStamp(), who: peer.who };
      return new AfterStored(event, () => {
        room.lesson.clearStrokes();
        room.toAll('whiteboard:cleared', { at: event.at }, peer);
        return {};
      });
    },
    'file:share': (ctx, payload) => this.file(ctx, payload),
    'note:add': ({ room, peer }, { text }) => {
      requireAllowed(actionDenial(peer, { kind: 'add-note' }, room.lesson.interaction));
      const stamp = eventStamp();
      const offsetMs = Math.max(0, new Date(stamp.at).getTime() - room.startedAt.getTime());
      const event = { type: 'note.added' as const, ...stamp, who: peer.who, offsetMs, text };
      return new AfterStored(event, () => ({ id: stamp.eventId, at: stamp.at, offsetMs }));
    },
  };

  private chat({ room, peer }: HandlerContext, { text }: LiveRequest<'chat:send'>) {
    requireAllowed(actionDenial(peer, { kind: 'chat' }, room.lesson.interaction));
    const event = { type: 'chat.message' as const, ...eventStamp(), who: peer.who, text };
    return new AfterStored(event, () => {
      const from: ChatMessageView['from'] = { peerId: peer.id, name: peer.name, role: peer.role };
      if (peer.classroomId) from.classroomId = peer.classroomId;
      const message: ChatMessageView = { id: event.eventId, at: event.at, from, text };
      room.lesson.addChat(message);
      room.toAll('chat:message', message, peer);
      return message;
    });
  }

  private stroke({ room, peer }: HandlerContext, s: LiveRequest<'whiteboard:stroke'>) {
    requireAllowed(actionDenial(peer, { kind: 'annotate' }, room.lesson.interaction));
    const stamp = eventStamp();
    const event = {
      type: 'whiteboard.stroke' as const,
      ...stamp,
      who: peer.who,
      strokeId: s.id,
      points: s.points,
      color: s.color,
      width: s.width,
      tool: s.tool,
    };
    return new AfterStored(event, () => {
      const stroke: StrokeView = { ...s, at: stamp.at, peerId: peer.id };
      room.lesson.addStroke(stroke);
      room.toAll('whiteboard:stroke', stroke, peer);
      return stroke;
    });
  }

  private file({ room, peer }: HandlerContext, f: LiveRequest<'file:share'>) {
    requireAllowed(actionDenial(peer, { kind: 'share-file' }, room.lesson.interaction));
    const size = Buffer.byteLength(f.contentBase64, 'base64');
    if (size > MAX_FILE_BYTES)
      throw new AppError(ErrorCode.BAD_REQUEST, 'contentBase64: the file is larger than 2 MiB');
    const stamp = eventStamp();
    const event = { type: 'file.shared' as const, ...stamp, who: peer.who, ...f };
    return new AfterStored(event, (stored) => {
      if (!stored.fileId || !stored.url) throw new AppError(ErrorCode.UNAVAILABLE, 'the shared file was not stored');
      const file: SharedFileView = {
        id: stored.fileId,
        at: stamp.at,
        name: f.name,
        mime: f.mime,
        size,
        from: { peerId: peer.id, name: peer.name },
        url: stored.url,
      };
      room.lesson.addFile(file);
      room.toAll('file:shared', file, peer);
      return file;
    });
  }
}
