import { Quiz, choicesProblem } from './quiz';

const spec = {
  question: '2 + 2 = ?',
  kind: 'single' as const,
  options: ['3', '4', '5'],
  correct: [1],
  durationSec: 30,
};
const t0 = new Date('2026-11-23T10:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe(Quiz.name, () => {
  it('tallies one answer per classroom, the latest counting', () => {
    const quiz = new Quiz(spec, t0, ['A', 'B', 'C']);
    quiz.answer('A', 'Room A', [1], at(1));
    quiz.answer('B', 'Room B', [0], at(2));
    quiz.answer('B', 'Room B', [1], at(3));
    quiz.answer('C', 'Room C', [2], at(4));
    const tally = quiz.tally();
    expect(tally.counts).toEqual([0, 2, 1]);
    expect(tally.answered).toBe(3);
    expect(tally.expected).toBe(3);
    expect(tally.answers.find((a) => a.classroomId === 'B')).toEqual({
      classroomId: 'B',
      name: 'Room B',
      choices: [1],
      at: at(3).toISOString(),
    });
  });

  it('counts every option of a multiple-choice answer', () => {
    const quiz = new Quiz({ ...spec, kind: 'multiple', correct: [0, 2] }, t0, ['A', 'B']);
    quiz.answer('A', 'A', [2, 0], at(1));
    quiz.answer('B', 'B', [0], at(1));
    expect(quiz.tally().counts).toEqual([2, 0, 1]);
    expect(quiz.tally().answers[0].choices).toEqual([0, 2]);
  });

  it('expects classrooms present at the start, those joining later and any that answers', () => {
    const quiz = new Quiz(spec, t0, ['A']);
    quiz.expect('B');
    quiz.answer('C', 'C', [1], at(1));
    expect(quiz.tally().expected).toBe(3);
    quiz.end(at(5));
    quiz.expect('D');
    expect(quiz.tally().expected).toBe(3);
  });

  it("shows a classroom neither the correct option nor others' answers while open, everything once ended", () => {
    const quiz = new Quiz(spec, t0, ['A', 'B']);
    quiz.answer('A', 'A', [1], at(1));
    quiz.answer('B', 'B', [0], at(1));
    const mine = quiz.view({ full: false, classroomId: 'A' });
    expect(mine.correct).toBeUndefined();
    expect(mine.tally).toEqual({
      counts: [0, 1, 0],
      answered: 1,
      expected: 1,
      answers: [expect.objectContaining({ classroomId: 'A' })],
    });
    expect(quiz.view({ full: true }).correct).toEqual([1]);
    expect(quiz.view({ full: false }).tally.answered).toBe(0);
    quiz.end(at(10));
    const ended = quiz.view({ full: false, classroomId: 'A' });
    expect(ended.correct).toEqual([1]);
    expect(ended.tally.answered).toBe(2);
    expect(ended.endedAt).toBe(at(10).toISOString());
    expect(quiz.endsAt).toBe(at(30).toISOString());
  });

  it('rejects choices out of range, repeated, or several for a single-choice quiz', () => {
    const quiz = new Quiz(spec, t0, []);
    expect(quiz.problemWith([1])).toBeNull();
    expect(quiz.problemWith([3])).toMatch(/below 3/);
    expect(quiz.problemWith([1, 1])).toMatch(/repeat/);
    expect(quiz.problemWith([0, 1])).toMatch(/one choice/);
    expect(choicesProblem('multiple', 3, [0, 2], 'correct')).toBeNull();
  });
});
