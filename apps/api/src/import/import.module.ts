import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrgModule } from '../org/org.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportCommitService } from './jobs/import-commit.service';
import { ImportDryRunService } from './jobs/import-dry-run.service';
import { ImportLookupLoader } from './jobs/import-lookup.loader';
import { ImportRowsChecker } from './jobs/import-rows.checker';
import { ImportTaskTracker } from './jobs/import-task.tracker';
import { ImportWatchdog } from './jobs/import.watchdog';
import { ImportWriter } from './jobs/import.writer';
import { ImportJobRepository } from './persistence/import-job.repository';
import { ImportJob, ImportJobSchema } from './persistence/import-job.schema';
import { ImportRowChunkRepository } from './persistence/import-row-chunk.repository';
import { ImportRowChunk, ImportRowChunkSchema } from './persistence/import-row-chunk.schema';

/** Bulk import of schools, classrooms, class groups and teachers from CSV/XLSX (dry run, then all-or-nothing commit). */
@Module({
  imports: [
    OrgModule,
    AuthModule,
    AuditModule,
    MongooseModule.forFeature([
      { name: ImportJob.name, schema: ImportJobSchema },
      { name: ImportRowChunk.name, schema: ImportRowChunkSchema },
    ]),
  ],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportDryRunService,
    ImportCommitService,
    ImportRowsChecker,
    ImportLookupLoader,
    ImportWriter,
    ImportWatchdog,
    ImportTaskTracker,
    ImportJobRepository,
    ImportRowChunkRepository,
  ],
})
export class ImportModule {}
