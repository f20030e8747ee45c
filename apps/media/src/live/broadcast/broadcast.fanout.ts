import { ErrorCode, LessonRole, type BroadcastState } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { types } from 'mediasoup';
import { LESSON_MEDIA_CODECS } from '../media/media-codecs';
import type { ConsumerEntry, ProducerEntry, TransportEntry } from '../media/media-entries';
import type { PlainTarget } from '../media/transport.manager';
import { receivesTrack } from '../policy/visibility.policy';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { placeViewer } from './viewer-placement.policy';
import { ViewerRouter } from './viewer-router';

/** The mediasoup workers as the fan-out needs them (WorkerPoolService). */
export interface ViewerRouterPool {
  consumerLoads(): { index: number; consumers: number }[];
  createRouterOn(index: number, options: types.RouterOptions): Promise<types.Router>;
  workerOf(router: types.Router): number | undefined;
}

/** Consumers a viewer is assumed to take before the lesson publishes (the lead's camera and mic). */
const MIN_VIEWER_CONSUMERS = 2;
/** An empty viewer router is closed after this long (a viewer reconnecting reuses it meanwhile). */
export const VIEWER_ROUTER_IDLE_MS = 10_000;
/** `broadcast:viewers` reaches the lead at most this often. */
export const VIEWER_COUNT_INTERVAL_MS = 1000;

/** A plain (non-WebRTC) broadcast relay: every broadcast track to one ip:port over SRTP. */
export interface PlainBroadcastViewer {
  transport: types.PlainTransport;
  /** The worker of the viewer router it was placed on. */
  worker: number;
}

const what = (p: ProducerEntry) => `${p.producer.kind} ${p.source} of ${p.peerId}`;

/**
 * The lesson's broadcast (名校网络课堂) fan-out: view-only viewers receive on viewer routers, one
 * per worker at most (the lesson's own router serves as the one on its worker). A viewer goes to a
 * viewer router whose worker has room in its consumer budget (BroadcastConfig.workerConsumerBudget);
 * when none has, a new router opens on another worker and the broadcast tracks (the lead's, the
 * on-stage classroom's) are piped to it. Pipes follow producers (they close with them) and the
 * stage (`sync`). The transports and consumers stay in the Room's maps and go through its
 * managers like everyone's.
 */
export class BroadcastFanout {
  /** Viewers may connect: the lead has not closed the broadcast on this node. */
  open = true;
  /** The home router (the lesson's) first, then the viewer routers opened on other workers. */
  private readonly routers: ViewerRouter[];
  private readonly plainViewers = new Set<string>();
  private countTimer: NodeJS.Timeout | undefined;
  private warnedFull = false;

  constructor(
    private readonly room: Room,
    private readonly pool: ViewerRouterPool,
    private readonly budget: number,
  ) {
    const homeWorker = pool.workerOf(room.router) ?? -1;
    this.routers = [new ViewerRouter(room.router, homeWorker, true, room.logger, (r) => this.onViewers(r))];
  }

  /** The routers carrying viewers (the lesson's own only while it does), with their workers. */
  placements(): { routerId: string; worker: number; viewers: number; consumers: number }[] {
    return this.live()
      .filter((r) => !r.home || r.viewers > 0)
      .map((r) => ({ routerId: r.id, worker: r.worker, viewers: r.viewers, consumers: r.consumers }));
  }

  /** The lesson's producers a viewer receives now: the lead's camera, mic and screen, the on-stage classroom's. */
  broadcastProducers(): ProducerEntry[] {
    const viewer = { id: '', role: LessonRole.VIEWER };
    const stage = this.room.lesson.stagePeerId;
    return [...this.room.producers.values()].filter((p) => {
      const owner = this.room.peers.get(p.peerId);
      return (
        owner !== undefined &&
        receivesTrack(viewer, { owner: { id: owner.id, role: owner.role }, source: p.source }, stage)
      );
    });
  }

  /** The router a new viewer transport goes on (placing it, opening a router if needed). */
  async routerForViewer(): Promise<types.Router> {
    return (await this.place()).router;
  }

  /**
   * The router a consumer of `p` on transport `t` is made on: a viewer transport's viewer router
   * (with `p` piped there first), otherwise the lesson's.
   */
  async routerToConsume(t: TransportEntry, p: ProducerEntry): Promise<types.Router> {
    const vr = t.router ? this.routerOf(t.router) : undefined;
    if (!vr) return this.room.router;
    await vr.pipe(p.producer, this.room.router, what(p));
    return vr.router;
  }

  /**
   * After producers or the stage changed (call once the participants' consumers are synced): every
   * viewer router carries exactly the broadcast tracks, and plain relays consume them all.
   */
  async sync(): Promise<void> {
    const wanted = this.broadcastProducers();
    const ids = new Set(wanted.map((p) => p.producer.id));
    for (const vr of this.live()) {
      for (const id of vr.piped()) if (!ids.has(id)) await vr.unpipe(id, 'no longer broadcast');
      for (const p of wanted) await vr.pipe(p.producer, this.room.router, what(p));
    }
    for (const id of this.plainViewers) {
      const entry = this.room.transports.get(id);
      if (entry) await this.syncPlain(entry, wanted);
      else this.plainViewers.delete(id);
    }
  }

  /**
   * A plain broadcast relay (e.g. to a restreamer): one SRTP plain transport on a viewer router,
   * placed like a viewer, consuming every broadcast track (following them, see `sync`) to `target`.
   */
  attachPlain(target: PlainTarget): Promise<PlainBroadcastViewer> {
    return this.room.exclusive(async () => {
      if (this.room.closed) throw new AppError(ErrorCode.LESSON_ENDED, 'this lesson has ended');
      const vr = await this.place();
      const entry = await this.room.transportOps.createPlain(target, vr.router);
      this.plainViewers.add(entry.transport.id);
      try {
        await this.syncPlain(entry, this.broadcastProducers());
      } catch (err) {
        this.room.transportOps.close(entry, 'consume_failed');
        throw err;
      }
      return { transport: entry.transport as types.PlainTransport, worker: vr.worker };
    });
  }

  private async syncPlain(entry: TransportEntry, wanted: ProducerEntry[]): Promise<void> {
    const mine = [...this.room.consumers.values()].filter((c) => c.transportId === entry.transport.id);
    const have = new Map<string, ConsumerEntry>(mine.map((c) => [c.consumer.producerId, c]));
    const ids = new Set(wanted.map((p) => p.producer.id));
    for (const [id, c] of have) if (!ids.has(id)) this.room.consumerOps.close(c, 'no_longer_visible');
    for (const p of wanted) {
      if (have.has(p.producer.id)) continue;
      await this.routerToConsume(entry, p);
      await this.room.consumerOps.consumePlain(entry, p);
    }
  }

  /** Viewers hear of the stage change: the classroom leaving the stage leaves their list, the new one joins it. */
  stageChanged(previous: Peer | undefined, next: Peer | undefined): void {
    const viewers = this.viewerPeers();
    if (previous?.listed) this.room.toPeers(viewers, 'peer:left', { peerId: previous.id });
    if (next?.listed) this.room.toPeers(viewers, 'peer:joined', this.room.view(next));
  }

  /** Connected viewers (not plain relays). */
  viewerCount(): number {
    return this.viewerPeers().filter((p) => p.connected).length;
  }

  state(): BroadcastState {
    return { on: this.open, viewers: this.viewerCount() };
  }

  /** Tells the lead(s) the viewer count soon (coalesced). */
  viewersChanged(): void {
    if (this.countTimer || this.room.closed) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      if (!this.room.closed) this.tellLeads(this.room.listed().filter((p) => p.isLead));
    }, VIEWER_COUNT_INTERVAL_MS);
    this.countTimer.unref();
  }

  tellLeads(leads: Peer[]): void {
    this.room.toPeers(leads, 'broadcast:viewers', this.state());
  }

  /**
   * Opens or closes the broadcast here (under the room's lock). Closing: every viewer hears
   * `broadcast:closed`, loses its media and is disconnected; new viewers are refused until reopened.
   */
  setOpen(on: boolean, by = 'the lead'): BroadcastState {
    if (on !== this.open) this.room.logger.log(`broadcast ${on ? 'opened' : 'closed'} by ${by}`);
    this.open = on;
    if (on) return this.state();
    const viewers = this.viewerPeers();
    this.room.toPeers(viewers, 'broadcast:closed');
    for (const peer of viewers) {
      for (const t of this.room.transportOps.ofPeer(peer.id)) this.room.transportOps.close(t, 'broadcast_closed');
      this.room.emitter.disconnect(peer.socket);
    }
    return { on: false, viewers: 0 };
  }

  /** Closes every viewer router (the room is closing). */
  close(): void {
    clearTimeout(this.countTimer);
    for (const vr of this.routers) vr.close('room closed');
    this.routers.splice(1);
  }

  private viewerPeers(): Peer[] {
    return this.room.listed().filter((p) => p.role === LessonRole.VIEWER);
  }

  private live(): ViewerRouter[] {
    for (let i = this.routers.length - 1; i > 0; i--) if (this.routers[i].closed) this.routers.splice(i, 1);
    return this.routers;
  }

  private routerOf(router: types.Router): ViewerRouter | undefined {
    return this.live().find((r) => r.router === router);
  }

  /** Chooses (or opens) the viewer router for one more viewer. */
  private async place(): Promise<ViewerRouter> {
    const routers = this.live();
    const cost = Math.max(this.broadcastProducers().length, MIN_VIEWER_CONSUMERS);
    const placement = placeViewer(
      routers.map((r) => ({ id: r.id, worker: r.worker })),
      this.workerLoads(cost),
      cost,
      this.budget,
    );
    if (!placement) throw new Error('no mediasoup worker is running');
    if (placement.overBudget && !this.warnedFull) {
      this.room.logger.warn(`every worker has reached its broadcast budget of ${this.budget} consumers`);
    }
    this.warnedFull = placement.overBudget;
    const vr =
      'router' in placement
        ? (routers.find((r) => r.id === placement.router) as ViewerRouter)
        : await this.openRouter(placement.newRouterOn, placement.overBudget);
    clearTimeout(vr.idleTimer);
    vr.idleTimer = undefined;
    return vr;
  }

  /** The pool's consumers per worker plus those our placed viewers are about to take. */
  private workerLoads(cost: number): { index: number; consumers: number }[] {
    return this.pool.consumerLoads().map(({ index, consumers }) => {
      const pending = this.live()
        .filter((r) => r.worker === index)
        .reduce((n, r) => n + Math.max(0, r.viewers * cost - r.consumers), 0);
      return { index, consumers: consumers + pending };
    });
  }

  private async openRouter(worker: number, overBudget: boolean): Promise<ViewerRouter> {
    const router = await this.pool.createRouterOn(worker, {
      mediaCodecs: LESSON_MEDIA_CODECS,
      appData: { sessionId: this.room.sessionId, viewers: true },
    });
    const vr = new ViewerRouter(router, worker, false, this.room.logger, (r) => this.onViewers(r));
    this.routers.push(vr);
    const why = overBudget ? 'every worker is at its budget' : 'no viewer router with room in its budget';
    this.room.logger.log(`viewer router ${router.id} opened on worker ${worker} (${why})`);
    for (const p of this.broadcastProducers()) await vr.pipe(p.producer, this.room.router, what(p));
    return vr;
  }

  /** An empty viewer router closes after VIEWER_ROUTER_IDLE_MS unless a viewer is placed on it. */
  private onViewers(vr: ViewerRouter): void {
    if (vr.home || vr.viewers > 0 || vr.closed || this.room.closed) return;
    clearTimeout(vr.idleTimer);
    vr.idleTimer = setTimeout(() => {
      vr.idleTimer = undefined;
      this.room.background('idle viewer router', () => {
        if (vr.viewers === 0) vr.close('no viewers left');
      });
    }, VIEWER_ROUTER_IDLE_MS);
    vr.idleTimer.unref();
  }
}
