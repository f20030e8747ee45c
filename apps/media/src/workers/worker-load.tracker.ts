import type { types } from 'mediasoup';

/** Counts the live routers, transports, producers and consumers of one worker. */
export class WorkerLoadTracker {
  routers = 0;
  transports = 0;
  producers = 0;
  consumers = 0;

  constructor(worker: types.Worker) {
    worker.observer.on('newrouter', (router: types.Router) => this.trackRouter(router));
  }

  private trackRouter(router: types.Router): void {
    this.routers++;
    router.observer.once('close', () => this.routers--);
    router.observer.on('newtransport', (transport: types.Transport) => this.trackTransport(transport));
  }

  private trackTransport(transport: types.Transport): void {
    this.transports++;
    transport.observer.once('close', () => this.transports--);
    transport.observer.on('newproducer', (producer: types.Producer) => {
      this.producers++;
      producer.observer.once('close', () => this.producers--);
    });
    transport.observer.on('newconsumer', (consumer: types.Consumer) => {
      this.consumers++;
      consumer.observer.once('close', () => this.consumers--);
    });
  }
}
