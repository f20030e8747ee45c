import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MediaNodeDirectory } from '@tongke/core';
import { HealthController } from './health.controller';
import { MediaHealthIndicator } from './media.health';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, MediaHealthIndicator, MediaNodeDirectory],
})
export class HealthModule {}
