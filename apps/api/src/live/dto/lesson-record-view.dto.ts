import { ApiProperty } from '@nestjs/swagger';
import type {
  AttendanceView,
  ChatMessageView,
  LessonRecordView,
  ObserverNoteView,
  QuizView,
  SharedFileView,
  StrokeView,
} from '@tongke/contracts';
import { LiveSessionViewDto } from './live-session-view.dto';

const list = (description: string) => ({ type: 'array', items: { type: 'object' }, description }) as const;

/** GET /api/live-sessions/:id/record (item shapes: see libs/contracts/src/live/live-session.ts). */
export class LessonRecordViewDto implements LessonRecordView {
  @ApiProperty({ type: LiveSessionViewDto })
  session!: LiveSessionViewDto;

  @ApiProperty(list('Per participant: connection intervals and connected minutes'))
  attendance!: AttendanceView[];

  @ApiProperty(list('Chat messages, oldest first'))
  chat!: ChatMessageView[];

  @ApiProperty(list('Quizzes with their tallies (final once ended)'))
  quizzes!: QuizView[];

  @ApiProperty(list('Whiteboard strokes since the last clear'))
  strokes!: StrokeView[];

  @ApiProperty(list('Observer notes: all for the lead teacher and admins, otherwise only your own'))
  notes!: ObserverNoteView[];

  @ApiProperty(list('Shared files (download with the url and your bearer token)'))
  files!: SharedFileView[];
}
