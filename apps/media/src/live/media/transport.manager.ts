import { ErrorCode, LessonRole, type TransportInfo } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { types } from 'mediasoup';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { withClientInput } from './client-input';
import type { TransportEntry } from './media-entries';
import { VIEWER_TRANSPORT } from '../broadcast/viewer-router';
import { RecvLinkController } from './recv-link.controller';
import { turnIceServers } from './turn-credentials';

/** What a new recv transport assumes it can send before the first estimate (bps). */
export const INITIAL_OUTGOING_BITRATE = 600_000;

/** Where a plain viewer's RTP goes. */
export interface PlainTarget {
  ip: string;
  port: number;
  /** The receiver's SRTP key for what it sends back (RTCP); defaults to ours. */
  srtpParameters?: types.SrtpParameters;
}

/** An ffmpeg's local RTP and RTCP ports (see `createLocalRtp`). */
export interface LocalRtpTarget {
  port: number;
  rtcpPort: number;
}

/** The transports of one room: WebRTC ones for participants, SRTP plain ones for viewers. */
export class TransportManager {
  constructor(private readonly room: Room) {}

  ofPeer(peerId: string): TransportEntry[] {
    return [...this.room.transports.values()].filter((t) => t.peerId === peerId);
  }

  /** `peer`'s transport of this direction, if any. */
  find(peerId: string, direction: 'send' | 'recv'): TransportEntry | undefined {
    return this.ofPeer(peerId).find((t) => t.direction === direction);
  }

  /** `peer`'s own transport `transportId` (another participant's is NOT_FOUND too). */
  own(peer: Peer, transportId: string): TransportEntry {
    const entry = this.room.transports.get(transportId);
    if (!entry || entry.peerId !== peer.id)
      throw new AppError(ErrorCode.NOT_FOUND, `no transport ${transportId} of yours`);
    return entry;
  }

  /** A new WebRTC transport for `peer` (replacing its previous one of that direction). */
  async create(peer: Peer, direction: 'send' | 'recv'): Promise<TransportInfo> {
    for (const old of this.ofPeer(peer.id).filter((t) => t.direction === direction)) this.close(old, 'replaced');
    const { listenIp, announcedIp, turn } = this.room.deps.mediasoup;
    // A broadcast viewer receives on a viewer router (see BroadcastFanout), never on the lesson's.
    const viewerRouter = peer.role === LessonRole.VIEWER ? await this.room.broadcast.routerForViewer() : undefined;
    const transport = await (viewerRouter ?? this.room.router).createWebRtcTransport({
      listenIps: [{ ip: listenIp, announcedIp }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { peerId: peer.id, direction, ...(viewerRouter && VIEWER_TRANSPORT) },
    });
    const entry: TransportEntry = { transport, peerId: peer.id, direction, connected: false };
    if (viewerRouter && viewerRouter !== this.room.router) entry.router = viewerRouter;
    this.register(entry, `${direction} transport of ${peer.id}`);
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') this.room.logger.warn(`transport ${transport.id}: DTLS ${state}`);
    });
    if (direction === 'recv') await this.watchBandwidth(entry, transport);
    return {
      id: transport.id,
      iceParameters: { ...transport.iceParameters },
      iceCandidates: transport.iceCandidates.map((c) => ({ ...c })),
      dtlsParameters: { ...transport.dtlsParameters },
      iceServers: turnIceServers(turn, peer.id),
    };
  }

  private async watchBandwidth(entry: TransportEntry, transport: types.WebRtcTransport): Promise<void> {
    const onVideoPaused = (paused: boolean) =>
      this.room.background('bandwidth pause', () => this.room.consumerOps.setBandwidthPaused(transport.id, paused));
    entry.link = new RecvLinkController(transport, onVideoPaused, this.room.logger);
    await entry.link.start();
  }

  async connect(peer: Peer, transportId: string, dtlsParameters: Record<string, unknown>): Promise<void> {
    const entry = this.own(peer, transportId);
    if (entry.connected) throw new AppError(ErrorCode.INVALID_STATE, `transport ${transportId} is already connected`);
    const transport = entry.transport as types.WebRtcTransport;
    await withClientInput('dtlsParameters', () =>
      transport.connect({ dtlsParameters: dtlsParameters as unknown as types.DtlsParameters }),
    );
    entry.connected = true;
  }

  async restartIce(peer: Peer, transportId: string): Promise<types.IceParameters> {
    const entry = this.own(peer, transportId);
    return (entry.transport as types.WebRtcTransport).restartIce();
  }

  /**
   * An SRTP plain transport sending to `target` (a recorder, a benchmark sink) on the lesson's
   * router, or a broadcast relay's on the viewer router `relay` (see BroadcastFanout).
   */
  async createPlain(target: PlainTarget, relay?: types.Router): Promise<TransportEntry> {
    const { listenIp, announcedIp } = this.room.deps.mediasoup;
    const router = relay ?? this.room.router;
    const transport = await router.createPlainTransport({
      listenIp: { ip: listenIp, announcedIp },
      rtcpMux: true,
      comedia: false,
      enableSrtp: true,
      srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
      appData: { plain: true, ...(relay && VIEWER_TRANSPORT) },
    });
    const entry: TransportEntry = { transport, peerId: null, direction: 'plain', connected: false };
    if (router !== this.room.router) entry.router = router;
    this.register(entry, `plain viewer transport to ${target.ip}:${target.port}`);
    try {
      await transport.connect({
        ip: target.ip,
        port: target.port,
        srtpParameters: target.srtpParameters ?? transport.srtpParameters,
      });
    } catch (err) {
      this.close(entry, 'connect_failed');
      throw new AppError(ErrorCode.BAD_REQUEST, `plain viewer target: ${(err as Error).message}`);
    }
    entry.connected = true;
    return entry;
  }

  /**
   * A plain RTP transport on loopback for an ffmpeg on this host (no SRTP, RTCP on its own port, as
   * ffmpeg sends and receives it): with `target`, it sends to that ffmpeg (a recorder); without,
   * it learns the sender from its first packets (an RTP ingest publishing as participant `peerId`).
   */
  async createLocalRtp(peerId: string | null, what: string, target?: LocalRtpTarget): Promise<TransportEntry> {
    const transport = await this.room.router.createPlainTransport({
      listenIp: { ip: '127.0.0.1' },
      rtcpMux: false,
      comedia: !target,
      appData: { plain: true, localRtp: true },
    });
    const entry: TransportEntry = { transport, peerId, direction: 'plain', connected: !target };
    this.register(entry, what);
    if (target) {
      await transport.connect({ ip: '127.0.0.1', port: target.port, rtcpPort: target.rtcpPort });
      entry.connected = true;
    }
    return entry;
  }

  close(entry: TransportEntry, reason: string): void {
    entry.closeReason ??= reason;
    (entry.transport as types.Transport).close();
  }

  private register(entry: TransportEntry, what: string): void {
    const transport = entry.transport as types.Transport;
    this.room.transports.set(transport.id, entry);
    transport.observer.once('close', () => {
      this.room.transports.delete(transport.id);
      entry.link?.close();
      this.room.logger.log(`transport ${transport.id} (${what}) closed: ${entry.closeReason ?? 'router closed'}`);
    });
  }
}
