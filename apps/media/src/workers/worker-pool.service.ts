import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MediasoupConfig } from '@tongke/config';
import type { WorkerLoad } from '@tongke/contracts';
import { createWorker, type types } from 'mediasoup';
import { WorkerSlot } from './worker-slot';

const RESTART_DELAY_MS = 1000;

/**
 * The adapter for the mediasoup worker processes: one per core (configurable), each
 * replaced if it dies. Rooms ask it for a router on the least-loaded worker.
 *
 * The worker binary comes from MEDIASOUP_WORKER_BIN, which mediasoup itself reads when
 * it is loaded; libs/config has already checked that the file exists and is executable.
 */
@Injectable()
export class WorkerPoolService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WorkerPoolService.name);
  private readonly slots: WorkerSlot[] = [];
  /** The worker slot of each router made here. */
  private readonly routerWorkers = new WeakMap<types.Router, number>();
  private closing = false;

  constructor(private readonly config: MediasoupConfig) {}

  async onModuleInit(): Promise<void> {
    for (let i = 0; i < this.config.numWorkers; i++) {
      this.slots.push(new WorkerSlot(i, await this.spawn(i)));
    }
    this.logger.log(`started ${this.slots.length} mediasoup worker(s)`);
  }

  private async spawn(index: number): Promise<types.Worker> {
    const worker = await createWorker({
      logLevel: this.config.logLevel,
      rtcMinPort: this.config.rtcMinPort,
      rtcMaxPort: this.config.rtcMaxPort,
      appData: { index },
    });
    worker.on('died', (err: Error) => this.onDied(index, worker, err));
    return worker;
  }

  private onDied(index: number, worker: types.Worker, err: Error): void {
    if (this.closing) return;
    this.logger.error(`mediasoup worker ${index} (pid ${worker.pid}) died: ${err.message}; restarting`);
    setTimeout(() => void this.restart(index), RESTART_DELAY_MS);
  }

  private async restart(index: number): Promise<void> {
    if (this.closing) return;
    try {
      const worker = await this.spawn(index);
      this.slots[index].replace(worker);
      this.logger.log(`mediasoup worker ${index} restarted as pid ${worker.pid}`);
    } catch (err) {
      this.logger.error(`restarting mediasoup worker ${index} failed: ${(err as Error).message}; retrying`);
      setTimeout(() => void this.restart(index), RESTART_DELAY_MS * 5);
    }
  }

  /** The live worker with the fewest consumers (ties: lowest index). */
  leastLoaded(): types.Worker {
    return this.leastLoadedSlot().worker;
  }

  private leastLoadedSlot(): WorkerSlot {
    const live = this.slots.filter((s) => !s.worker.closed);
    if (live.length === 0) throw new Error('no mediasoup worker is running');
    return live.reduce((best, s) => (s.consumers < best.consumers ? s : best));
  }

  async createRouter(options: types.RouterOptions): Promise<types.Router> {
    return this.createRouterOn(this.leastLoadedSlot().index, options);
  }

  /** The worker index of a router made by this pool. */
  workerOf(router: types.Router): number | undefined {
    return this.routerWorkers.get(router);
  }

  /** The consumers each live worker carries now, by worker index (for placing broadcast viewers). */
  consumerLoads(): { index: number; consumers: number }[] {
    return this.slots.filter((s) => !s.worker.closed).map((s) => ({ index: s.index, consumers: s.consumers }));
  }

  /** A router on the worker of slot `index` (it must be running). */
  async createRouterOn(index: number, options: types.RouterOptions): Promise<types.Router> {
    const slot = this.slots[index] as WorkerSlot | undefined;
    if (!slot || slot.worker.closed) throw new Error(`mediasoup worker ${index} is not running`);
    const router = await slot.worker.createRouter(options);
    this.routerWorkers.set(router, index);
    return router;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Current load of every worker, with CPU sampled since the previous call. */
  async loads(): Promise<WorkerLoad[]> {
    await Promise.all(this.slots.filter((s) => !s.worker.closed).map((s) => s.sampleCpu().catch(() => undefined)));
    return this.slots.map((s) => s.load());
  }

  onModuleDestroy(): void {
    this.closing = true;
    for (const s of this.slots) s.worker.close();
  }
}
