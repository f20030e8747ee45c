import { LessonRole } from '@tongke/contracts';
import type { types } from 'mediasoup';
import { networkQuality } from '../policy/network-quality.policy';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';

/** How often a room samples its publishers' send transports. */
export const QUALITY_SAMPLE_MS = 5000;

/**
 * The network-quality badge of each publishing participant: from its producers' latest scores
 * (kept from mediasoup events) and one stats call per send transport every QUALITY_SAMPLE_MS,
 * only while the lead teacher (who shows the badges) is connected; `peer:updated` only on change.
 */
export class QualityMonitor {
  private timer: NodeJS.Timeout | undefined;
  private sampling = false;

  constructor(private readonly room: Room) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), QUALITY_SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async sample(): Promise<void> {
    if (this.sampling || this.room.closed || !this.room.hasConnectedLead()) return;
    this.sampling = true;
    try {
      const publishers = this.room
        .listed()
        .filter((p) => p.role === LessonRole.LEAD || p.role === LessonRole.CLASSROOM || p.role === LessonRole.MEMBER);
      for (const peer of publishers) await this.samplePeer(peer);
    } catch (err) {
      if (!this.room.closed) this.room.logger.warn(`quality sampling failed: ${(err as Error).message}`);
    } finally {
      this.sampling = false;
    }
  }

  private async samplePeer(peer: Peer): Promise<void> {
    const send = this.room.transportOps.find(peer.id, 'send');
    const stats =
      send && !send.transport.closed ? ((await send.transport.getStats()) as types.WebRtcTransportStat[]) : [];
    const producerScores = this.room.producerOps
      .ofPeer(peer.id)
      .filter((p) => !p.producer.paused && p.score !== undefined)
      .map((p) => p.score as number);
    const stat = stats[0] as (types.WebRtcTransportStat & { rtpPacketLossReceived?: number }) | undefined;
    const quality = networkQuality({
      producerScores,
      packetLoss: stat?.rtpPacketLossReceived,
      iceState: stat?.iceState,
    });
    if (quality === peer.quality || this.room.closed) return;
    peer.quality = quality;
    this.room.announce(peer, 'peer:updated');
  }
}
