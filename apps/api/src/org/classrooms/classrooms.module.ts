import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { OrgModule } from '../org.module';
import { ClassroomsController } from './classrooms.controller';
import { ClassroomsService } from './classrooms.service';

/**
 * The classroom directory over HTTP and for other modules (kept apart from OrgModule,
 * which AuthModule itself imports, so the two don't depend on each other).
 */
@Module({
  imports: [OrgModule, AuthModule],
  controllers: [ClassroomsController],
  providers: [ClassroomsService],
  exports: [ClassroomsService],
})
export class ClassroomsModule {}
