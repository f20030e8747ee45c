import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditService } from './audit.service';

/** The audit log of admin actions; modules that change admin data import it and call AuditService.record. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntry.name, schema: AuditEntrySchema }])],
  providers: [AuditEntryRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
