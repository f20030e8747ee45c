import { Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { RedisService } from './redis.service';

@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule implements OnApplicationBootstrap {
  constructor(private readonly redis: RedisService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.connect();
  }
}
