import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { LiveModule } from '../live/live.module';
import { ClassroomsModule } from '../org/classrooms/classrooms.module';
import { OrgModule } from '../org/org.module';
import { BellScheduleRepository } from './bell-schedules/bell-schedule.repository';
import { BellSchedule, BellScheduleSchema } from './bell-schedules/bell-schedule.schema';
import { BellSchedulesController } from './bell-schedules/bell-schedules.controller';
import { BellSchedulesService } from './bell-schedules/bell-schedules.service';
import { CourseScheduleRepository } from './course-schedules/course-schedule.repository';
import { CourseSchedule, CourseScheduleSchema } from './course-schedules/course-schedule.schema';
import { CourseScheduleViews } from './course-schedules/course-schedule.views';
import { CourseSchedulesController } from './course-schedules/course-schedules.controller';
import { CourseSchedulesService } from './course-schedules/course-schedules.service';
import { ScheduleConflictsService } from './course-schedules/schedule-conflicts.service';
import { ScheduleDraftResolver } from './course-schedules/schedule-draft.resolver';
import { ScheduleExceptionsService } from './course-schedules/schedule-exceptions.service';
import { ScheduleMaterialiser } from './course-schedules/schedule-materialiser.service';
import { IcalController } from './ical/ical.controller';
import { IcalFeedsService } from './ical/ical-feeds.service';
import { IcalTokenService } from './ical/ical-token.service';
import { TermsController } from './terms/terms.controller';
import { TermsService } from './terms/terms.service';

/**
 * The timetable: terms, bell schedules, course schedules with their conflict checks and
 * exceptions, materialisation into live sessions (through LiveModule), and iCal feeds.
 */
@Module({
  imports: [
    OrgModule,
    AuthModule,
    AuditModule,
    ClassroomsModule,
    LiveModule,
    MongooseModule.forFeature([
      { name: BellSchedule.name, schema: BellScheduleSchema },
      { name: CourseSchedule.name, schema: CourseScheduleSchema },
    ]),
  ],
  controllers: [TermsController, BellSchedulesController, CourseSchedulesController, IcalController],
  providers: [
    BellScheduleRepository,
    CourseScheduleRepository,
    TermsService,
    BellSchedulesService,
    CourseSchedulesService,
    CourseScheduleViews,
    ScheduleDraftResolver,
    ScheduleConflictsService,
    ScheduleExceptionsService,
    ScheduleMaterialiser,
    IcalTokenService,
    IcalFeedsService,
  ],
  exports: [BellScheduleRepository, CourseScheduleRepository, ScheduleMaterialiser],
})
export class ScheduleModule {}
