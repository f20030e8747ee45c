import { Injectable } from '@nestjs/common';
import { ErrorCode, type LiveRequest } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { choicesProblem, type Quiz } from '../../lesson/quiz';
import { actionDenial } from '../../policy/interaction.policy';
import { eventStamp } from '../../record/lesson-record.client';
import type { Room } from '../../rooms/room';
import { AfterStored, type HandlerContext, type HandlerGroup, type HandlerMap } from '../handler.types';
import { requireAllowed } from '../require-allowed';

function openQuiz(room: Room, quizId: string): Quiz {
  const quiz = room.quizzes.current;
  if (!quiz || quiz.id !== quizId) throw new AppError(ErrorCode.QUIZ_CLOSED, `quiz ${quizId} is not open`);
  return quiz;
}

/** Quick quizzes: the lead starts and ends them, each classroom (or its assistant) answers. */
@Injectable()
export class QuizHandlers implements HandlerGroup {
  readonly handlers: HandlerMap = {
    'quiz:start': (ctx, payload) => this.start(ctx, payload),
    'quiz:answer': (ctx, payload) => this.answer(ctx, payload),
    'quiz:end': ({ room, peer }, { quizId }) => {
      requireAllowed(actionDenial(peer, { kind: 'lead-control' }, room.lesson.interaction));
      return room.quizzes.end(openQuiz(room, quizId));
    },
  };

  private start({ room, peer }: HandlerContext, spec: LiveRequest<'quiz:start'>) {
    requireAllowed(actionDenial(peer, { kind: 'lead-control' }, room.lesson.interaction));
    const problem = spec.correct && choicesProblem(spec.kind, spec.options.length, spec.correct, 'correct');
    if (problem) throw new AppError(ErrorCode.BAD_REQUEST, `correct: ${problem}`);
    if (room.quizzes.current) throw new AppError(ErrorCode.INVALID_STATE, 'a quiz is already open; end it first');
    const quiz = room.quizzes.prepare(spec);
    return new AfterStored(room.quizzes.startedEvent(quiz), () => {
      if (room.quizzes.current) throw new AppError(ErrorCode.INVALID_STATE, 'another quiz was opened meanwhile');
      return room.quizzes.open(quiz);
    });
  }

  private answer({ room, peer }: HandlerContext, { quizId, choices }: LiveRequest<'quiz:answer'>) {
    requireAllowed(actionDenial(peer, { kind: 'answer-quiz' }, room.lesson.interaction));
    const quiz = openQuiz(room, quizId);
    const problem = quiz.problemWith(choices);
    if (problem) throw new AppError(ErrorCode.BAD_REQUEST, `choices: ${problem}`);
    const classroomId = peer.classroomId as string;
    const name = room.classroomPeer(classroomId)?.name ?? peer.name;
    const stamp = eventStamp();
    const event = { type: 'quiz.answered' as const, ...stamp, quizId, who: peer.who, classroomId, choices };
    return new AfterStored(event, () => {
      openQuiz(room, quizId);
      room.quizzes.recordAnswer(quiz, classroomId, name, choices, new Date(stamp.at));
      return { quizId, choices };
    });
  }
}
