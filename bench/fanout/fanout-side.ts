import type { types } from 'mediasoup';
import type { PageSignal } from './page/producer-page.types';
import type { SignalHandler } from './producer.page-driver';

export type SideName = 'baseline' | 'tongke';

/**
 * One side of the comparison: something hosting a mediasoup worker that a page can
 * publish to, and that can add plain consumers of the page's video sending to UDP sinks.
 */
export interface FanoutSide {
  readonly name: SideName;
  /** Starts the side; resolves once its (single) worker is running. */
  start(): Promise<void>;
  /** The in-process handle of the worker whose CPU is measured. */
  readonly worker: types.Worker;
  /** How the producer page signals to this side. */
  pageSignal(): Promise<PageSignal>;
  /** Answers the page's requests when pageSignal() is `exposed`. */
  readonly signalHandler?: SignalHandler;
  /** Adds one plain consumer of `producerId` per port, each sending to 127.0.0.1:port. */
  addConsumers(producerId: string, ports: number[]): Promise<void>;
  stop(): Promise<void>;
}
