import { LessonRole, type LessonRecordEvent, type QuizView } from '@tongke/contracts';
import { eventStamp } from '../record/lesson-record.client';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { Quiz, type QuizAudience, type QuizSpec } from './quiz';

/** Runs the lesson's quick quizzes: opening, answers, live tallies, the timer and the end. */
export class QuizRunner {
  constructor(private readonly room: Room) {}

  /** The open quiz, if any. */
  get current(): Quiz | null {
    const { quiz } = this.room.lesson;
    return quiz?.open ? quiz : null;
  }

  private audienceOf(viewer: Peer): QuizAudience {
    if (viewer.role === LessonRole.LEAD || viewer.role === LessonRole.OBSERVER) return { full: true };
    return { full: false, classroomId: viewer.classroomId };
  }

  /** The open quiz as `viewer` may see it (for its snapshot). */
  viewFor(viewer: Peer): QuizView | null {
    return this.current?.view(this.audienceOf(viewer)) ?? null;
  }

  /** A new quiz expecting the classrooms present now (not open until `open`). */
  prepare(spec: QuizSpec): Quiz {
    const classrooms = this.room.listed().filter((p) => p.role === LessonRole.CLASSROOM && p.connected);
    return new Quiz(
      spec,
      new Date(),
      classrooms.map((p) => p.classroomId as string),
    );
  }

  startedEvent(quiz: Quiz): LessonRecordEvent {
    const { question, kind, options, correct, durationSec } = quiz.spec;
    return {
      type: 'quiz.started',
      ...eventStamp(new Date(quiz.startedAt)),
      quizId: quiz.id,
      question,
      kind,
      options,
      ...(correct ? { correct } : {}),
      durationSec,
      endsAt: quiz.endsAt,
    };
  }

  /** Opens a stored quiz: everyone hears `quiz:started` (as they may see it); the timer ends it. */
  open(quiz: Quiz): QuizView {
    const { lesson } = this.room;
    lesson.quiz = quiz;
    clearTimeout(lesson.quizTimer);
    const ms = Math.max(0, new Date(quiz.endsAt).getTime() - Date.now());
    lesson.quizTimer = setTimeout(
      () =>
        this.room.background('quiz timer', () => {
          if (lesson.quiz === quiz && quiz.open) this.end(quiz);
        }),
      ms,
    );
    lesson.quizTimer.unref();
    for (const p of this.room.listed()) this.room.toPeers([p], 'quiz:started', quiz.view(this.audienceOf(p)));
    return quiz.view({ full: true });
  }

  /** A classroom that joins during the quiz is expected to answer. */
  expect(classroom: Peer): void {
    if (classroom.classroomId) this.current?.expect(classroom.classroomId);
  }

  /** Counts a stored answer; `quiz:tally` to the lead (all) and the classroom's assistants (theirs). */
  recordAnswer(quiz: Quiz, classroomId: string, name: string, choices: number[], at: Date): void {
    quiz.answer(classroomId, name, choices, at);
    for (const p of this.room.listed()) {
      if (p.role === LessonRole.LEAD) this.room.toPeers([p], 'quiz:tally', quiz.view({ full: true }));
      else if (p.role === LessonRole.ASSISTANT && p.classroomId === classroomId) {
        this.room.toPeers([p], 'quiz:tally', quiz.view({ full: false, classroomId }));
      }
    }
  }

  /** Ends the quiz: everyone hears `quiz:ended` with the correct options and the tally; the record keeps it. */
  end(quiz: Quiz): QuizView {
    quiz.end(new Date());
    clearTimeout(this.room.lesson.quizTimer);
    this.room.lesson.quizTimer = undefined;
    const view = quiz.view({ full: true });
    this.room.toAll('quiz:ended', view);
    this.room.report({
      type: 'quiz.ended',
      ...eventStamp(new Date(view.endedAt as string)),
      quizId: quiz.id,
      tally: view.tally,
    });
    return view;
  }
}
