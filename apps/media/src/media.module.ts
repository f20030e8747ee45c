import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type MediaConfig } from '@tongke/config';
import { LoggingModule, MediaNodeDirectory, RedisModule } from '@tongke/core';
import { MediaHealthController } from './health/media-health.controller';
import { NodeRegistryService } from './registry/node-registry.service';
import { WorkerPoolService } from './workers/worker-pool.service';

@Module({})
export class MediaModule {
  static forRoot(config: MediaConfig): DynamicModule {
    return {
      module: MediaModule,
      imports: [ConfigModule.forRoot(config), LoggingModule, RedisModule],
      controllers: [MediaHealthController],
      providers: [WorkerPoolService, NodeRegistryService, MediaNodeDirectory],
      exports: [WorkerPoolService],
    };
  }
}
