import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type MediaConfig } from '@tongke/config';
import { LoggingModule, MediaNodeDirectory, RedisModule } from '@tongke/core';
import { MediaHealthController } from './health/media-health.controller';
import { LiveModule } from './live/live.module';
import { NodeRegistryService } from './registry/node-registry.service';
import { WorkersModule } from './workers/workers.module';

@Module({})
export class MediaModule {
  static forRoot(config: MediaConfig): DynamicModule {
    return {
      module: MediaModule,
      imports: [ConfigModule.forRoot(config), LoggingModule, RedisModule, WorkersModule, LiveModule],
      controllers: [MediaHealthController],
      providers: [NodeRegistryService, MediaNodeDirectory],
      exports: [WorkersModule, LiveModule],
    };
  }
}
