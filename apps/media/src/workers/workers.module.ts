import { Module } from '@nestjs/common';
import { WorkerPoolService } from './worker-pool.service';

/** The mediasoup worker pool, shared by the node registry and the live rooms. */
@Module({
  providers: [WorkerPoolService],
  exports: [WorkerPoolService],
})
export class WorkersModule {}
