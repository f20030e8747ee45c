import { Injectable } from '@nestjs/common';
import { ErrorCode, type MediaSource } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { types } from 'mediasoup';
import type { PlainTarget } from '../media/transport.manager';
import { LiveRoomsService } from '../rooms/live-rooms.service';
import type { Room } from '../rooms/room';

/** A consumer of one producer on its own SRTP plain transport. */
export interface PlainViewer {
  /** Its transport's id (detach with it). */
  viewerId: string;
  consumerId: string;
  /** Where it sends from. */
  localIp: string;
  localPort: number;
  /** Our SRTP key: the receiver decrypts the RTP with it. */
  srtpParameters: types.SrtpParameters;
  rtpParameters: types.RtpParameters;
}

export interface PublishedProducer {
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
}

/**
 * Plain (non-WebRTC) viewers of a live lesson's producers: SRTP streams to an ip:port, for a
 * recorder, a broadcast, or the fan-out benchmark. Each is registered like any consumer of the room.
 */
@Injectable()
export class PlainViewerService {
  constructor(private readonly rooms: LiveRoomsService) {}

  private room(sessionId: string): Room {
    const room = this.rooms.find(sessionId);
    if (!room) throw new AppError(ErrorCode.NOT_FOUND, `no live lesson ${sessionId} on this node`);
    return room;
  }

  /** The producers of a live lesson (to pick one to view). */
  producers(sessionId: string): PublishedProducer[] {
    return [...this.room(sessionId).producers.values()].map((p) => ({
      producerId: p.producer.id,
      peerId: p.peerId,
      kind: p.producer.kind,
      source: p.source,
    }));
  }

  /** Starts sending `producerId` of lesson `sessionId` to `target`. */
  attach(sessionId: string, producerId: string, target: PlainTarget): Promise<PlainViewer> {
    const room = this.room(sessionId);
    return room.exclusive(async () => {
      const producer = room.producers.get(producerId);
      if (!producer) throw new AppError(ErrorCode.NOT_FOUND, `no producer ${producerId} in lesson ${sessionId}`);
      const entry = await room.transportOps.createPlain(target);
      const transport = entry.transport as types.PlainTransport;
      try {
        const { consumer } = await room.consumerOps.consumePlain(entry, producer);
        // The viewer ends with its stream (the producer or the room closed).
        consumer.observer.once('close', () => room.transportOps.close(entry, 'stream_ended'));
        return {
          viewerId: transport.id,
          consumerId: consumer.id,
          localIp: transport.tuple.localIp,
          localPort: transport.tuple.localPort,
          srtpParameters: transport.srtpParameters as types.SrtpParameters,
          rtpParameters: consumer.rtpParameters,
        };
      } catch (err) {
        room.transportOps.close(entry, 'consume_failed');
        throw err;
      }
    });
  }

  /** Stops a plain viewer. */
  detach(sessionId: string, viewerId: string): Promise<void> {
    const room = this.room(sessionId);
    return room.exclusive(() => {
      const entry = room.transports.get(viewerId);
      if (!entry || entry.direction !== 'plain') throw new AppError(ErrorCode.NOT_FOUND, `no plain viewer ${viewerId}`);
      room.transportOps.close(entry, 'detached');
    });
  }
}
