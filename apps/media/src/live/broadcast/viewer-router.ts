import type { Logger } from '@nestjs/common';
import type { types } from 'mediasoup';

/** appData marking a viewer's transport (a WebRTC viewer or a plain broadcast relay). */
export const VIEWER_TRANSPORT = { viewer: true } as const;

/** A broadcast producer piped into a viewer router. */
interface Pipe {
  /** Resolves to the pipe producer (same id as the lesson's producer) once piped. */
  ready: Promise<types.Producer>;
  /** Why it is being closed, for the close log. */
  closeReason?: string;
}

/**
 * One router carrying broadcast viewers (名校网络课堂) of a lesson, on one worker: the lesson's
 * broadcast producers are piped into it (`pipeToRouter`) and its viewers' transports consume the
 * pipe producers. The lesson's own router is the `home` one on its worker (nothing to pipe; a
 * worker cannot hold a pipe producer beside the producer of the same id). Counts its viewer
 * transports (appData VIEWER_TRANSPORT) and their consumers, from mediasoup's observer.
 */
export class ViewerRouter {
  /** Viewer transports on it (WebRTC viewers and plain relays; not the pipe transports). */
  viewers = 0;
  /** Consumers of its viewer transports. */
  consumers = 0;
  idleTimer: NodeJS.Timeout | undefined;
  private readonly pipes = new Map<string, Pipe>();
  private closeReason: string | undefined;

  constructor(
    readonly router: types.Router,
    readonly worker: number,
    readonly home: boolean,
    private readonly logger: Logger,
    private readonly onViewersChanged: (r: ViewerRouter) => void,
  ) {
    router.observer.on('newtransport', (t: types.Transport) => this.track(t));
    if (home) return;
    router.observer.once('close', () => {
      clearTimeout(this.idleTimer);
      const reason = this.closeReason ?? 'worker closed';
      this.logger.log(`viewer router ${router.id} on worker ${worker} closed: ${reason}`);
    });
  }

  get id(): string {
    return this.router.id;
  }

  get closed(): boolean {
    return this.router.closed;
  }

  /** Producer ids piped (or being piped) into this router. */
  piped(): string[] {
    return [...this.pipes.keys()];
  }

  /**
   * Pipes `producer` (of the lesson's router `from`) into this router, once; resolves when viewers
   * can consume it here. The pipe closes with the producer (or this router).
   */
  pipe(producer: types.Producer, from: types.Router, what: string): Promise<types.Producer> {
    if (this.home) return Promise.resolve(producer);
    const existing = this.pipes.get(producer.id);
    if (existing) return existing.ready;
    const pipe: Pipe = { ready: this.open(producer, from, what) };
    this.pipes.set(producer.id, pipe);
    pipe.ready.catch(() => {
      if (this.pipes.get(producer.id) === pipe) this.pipes.delete(producer.id);
    });
    return pipe.ready;
  }

  private async open(producer: types.Producer, from: types.Router, what: string): Promise<types.Producer> {
    const { pipeProducer } = await from.pipeToRouter({ producerId: producer.id, router: this.router });
    if (!pipeProducer) throw new Error(`piping ${what} gave no producer`);
    this.logger.log(`pipe of ${what} (producer ${producer.id}) to viewer router ${this.id} opened`);
    pipeProducer.observer.once('close', () => {
      const pipe = this.pipes.get(producer.id);
      this.pipes.delete(producer.id);
      const reason = pipe?.closeReason ?? (this.router.closed ? 'router closed' : 'producer closed');
      this.logger.log(`pipe of ${what} (producer ${producer.id}) to viewer router ${this.id} closed: ${reason}`);
    });
    return pipeProducer;
  }

  /** Closes the pipe of `producerId` (its viewer consumers close with it). */
  async unpipe(producerId: string, reason: string): Promise<void> {
    const pipe = this.pipes.get(producerId);
    if (!pipe) return;
    pipe.closeReason = reason;
    const pipeProducer = await pipe.ready.catch(() => undefined);
    pipeProducer?.close();
  }

  /** Closes a viewer router (the home router closes with the room). */
  close(reason: string): void {
    if (this.home || this.router.closed) return;
    this.closeReason = reason;
    this.router.close();
  }

  private track(transport: types.Transport): void {
    if (transport.appData.viewer !== true) return;
    this.viewers++;
    this.onViewersChanged(this);
    transport.observer.on('newconsumer', (consumer: types.Consumer) => {
      this.consumers++;
      consumer.observer.once('close', () => this.consumers--);
    });
    transport.observer.once('close', () => {
      this.viewers--;
      this.onViewersChanged(this);
    });
  }
}
