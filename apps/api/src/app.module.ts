import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { type ApiConfig, ConfigModule } from '@tongke/config';
import { LoggingModule, RedisModule } from '@tongke/core';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { OrgModule } from './org/org.module';
import { SeedModule } from './seed/seed.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        RedisModule,
        DatabaseModule,
        OrgModule,
        HealthModule,
        SeedModule,
        // The built web app (apps/web) on the same origin as /api.
        ServeStaticModule.forRoot({ rootPath: config.server.webDistDir, exclude: ['/api/{*path}'] }),
      ],
    };
  }
}
