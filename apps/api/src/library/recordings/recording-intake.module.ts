import { Module } from '@nestjs/common';
import { ProcessingModule } from '../processing/processing.module';
import { ResourcesModule } from '../resources/resources.module';
import { RecordingIntakeService } from './recording-intake.service';

/** Finished lesson recordings into the library (used by LiveModule for the `recording.finished` event). */
@Module({
  imports: [ResourcesModule, ProcessingModule],
  providers: [RecordingIntakeService],
  exports: [RecordingIntakeService],
})
export class RecordingIntakeModule {}
