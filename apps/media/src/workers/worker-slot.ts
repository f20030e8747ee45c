import type { types } from 'mediasoup';
import type { WorkerLoad } from '@tongke/contracts';
import { WorkerLoadTracker } from './worker-load.tracker';

/** One position in the pool: the current worker there, its load and its CPU sampling. */
export class WorkerSlot {
  restarts = 0;
  worker!: types.Worker;
  private tracker!: WorkerLoadTracker;
  private lastCpuUs = 0;
  private lastSampleAt = 0;
  private cpuPercent = 0;

  constructor(
    readonly index: number,
    worker: types.Worker,
  ) {
    this.attach(worker);
  }

  /** Puts a new worker in this slot after the previous one died. */
  replace(worker: types.Worker): void {
    this.attach(worker);
    this.restarts++;
  }

  private attach(worker: types.Worker): void {
    this.worker = worker;
    this.tracker = new WorkerLoadTracker(worker);
    this.lastCpuUs = 0;
    this.lastSampleAt = Date.now();
    this.cpuPercent = 0;
  }

  get consumers(): number {
    return this.tracker.consumers;
  }

  /** Samples the worker's CPU time (user + system) since the previous sample. */
  async sampleCpu(): Promise<void> {
    const usage = await this.worker.getResourceUsage();
    const cpuUs = (usage.ru_utime + usage.ru_stime) * 1000; // ru_* are in ms
    const now = Date.now();
    const elapsedUs = (now - this.lastSampleAt) * 1000;
    if (this.lastCpuUs > 0 && elapsedUs > 0) this.cpuPercent = ((cpuUs - this.lastCpuUs) / elapsedUs) * 100;
    this.lastCpuUs = cpuUs;
    this.lastSampleAt = now;
  }

  load(): WorkerLoad {
    const t = this.tracker;
    return {
      index: this.index,
      pid: this.worker.pid,
      cpuPercent: Math.round(this.cpuPercent * 10) / 10,
      routers: t.routers,
      transports: t.transports,
      producers: t.producers,
      consumers: t.consumers,
      restarts: this.restarts,
    };
  }
}
