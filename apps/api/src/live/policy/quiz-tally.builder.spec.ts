import { buildQuizTally, classroomsPresent } from './quiz-tally.builder';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 2, 0, s));

describe(buildQuizTally.name, () => {
  it('counts classrooms per option, answers oldest first', () => {
    const tally = buildQuizTally(
      4,
      [
        { classroomId: 'b', name: '石林镇', choices: [0, 2], at: at(9) },
        { classroomId: 'a', name: '汤河乡', choices: [2], at: at(5) },
      ],
      3,
    );
    expect(tally).toEqual({
      counts: [1, 0, 2, 0],
      answered: 2,
      expected: 3,
      answers: [
        { classroomId: 'a', name: '汤河乡', choices: [2], at: at(5).toISOString() },
        { classroomId: 'b', name: '石林镇', choices: [0, 2], at: at(9).toISOString() },
      ],
    });
  });

  it('ignores choices outside the options and repeated choices', () => {
    const tally = buildQuizTally(2, [{ classroomId: 'a', name: 'A', choices: [1, 1, 5], at: at(1) }], 1);
    expect(tally.counts).toEqual([0, 1]);
  });

  it('never expects fewer classrooms than answered', () => {
    expect(buildQuizTally(2, [{ classroomId: 'a', name: 'A', choices: [0], at: at(1) }], 0).expected).toBe(1);
    expect(buildQuizTally(3, [], 0)).toEqual({ counts: [0, 0, 0], answered: 0, expected: 0, answers: [] });
  });
});

describe(classroomsPresent.name, () => {
  it('counts distinct classrooms connected during the quiz', () => {
    const attendance = [
      { classroomId: 'a', intervals: [{ joinedAt: at(0), leftAt: at(10) }] },
      { classroomId: 'a', intervals: [{ joinedAt: at(12) }] },
      { classroomId: 'b', intervals: [{ joinedAt: at(0), leftAt: at(19) }] },
      { classroomId: 'c', intervals: [{ joinedAt: at(50) }] },
      { intervals: [{ joinedAt: at(0) }] },
    ];
    expect(classroomsPresent(attendance, at(20), at(40))).toBe(1);
    expect(classroomsPresent(attendance, at(15), at(40))).toBe(2);
    expect(classroomsPresent(attendance, at(15), at(60))).toBe(3);
  });
});
