import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { MediaHealthIndicator } from './media.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly media: MediaHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'State of MongoDB, Redis and the media nodes (503 if any is down)' })
  check() {
    return this.health.check([
      () => this.mongo.pingCheck('mongodb', { timeout: 2000 }),
      () => this.redis.check('redis'),
      () => this.media.check('media'),
    ]);
  }
}
