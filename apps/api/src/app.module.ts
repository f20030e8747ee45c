import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { type ApiConfig, ConfigModule } from '@tongke/config';
import { LoggingModule, RedisModule } from '@tongke/core';
import { AuthModule } from './auth/auth.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ImportModule } from './import/import.module';
import { InsightModule } from './insight/insight.module';
import { LibraryModule } from './library/library.module';
import { ResearchModule } from './research/research.module';
import { LiveModule } from './live/live.module';
import { ClassroomsModule } from './org/classrooms/classrooms.module';
import { OrgAdminModule } from './org/org-admin.module';
import { OrgModule } from './org/org.module';
import { ScheduleModule } from './schedule/schedule.module';
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
        AuthModule,
        ClassroomsModule,
        OrgAdminModule,
        ImportModule,
        LiveModule,
        InsightModule,
        LibraryModule,
        ResearchModule,
        ScheduleModule,
        HealthModule,
        SeedModule,
        // The built web app (apps/web) on the same origin as /api.
        ServeStaticModule.forRoot({ rootPath: config.server.webDistDir, exclude: ['/api/{*path}'] }),
      ],
    };
  }
}
