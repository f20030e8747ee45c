import type { QuizTally } from '@tongke/contracts';

export interface TallyAnswer {
  classroomId: string;
  name: string;
  choices: number[];
  at: Date;
}

/**
 * The tally of a quiz from each classroom's latest answer: how many classrooms chose each
 * option (choices outside the options are ignored), answers oldest first.
 */
export function buildQuizTally(optionCount: number, answers: TallyAnswer[], expected: number): QuizTally {
  const counts = new Array<number>(optionCount).fill(0);
  const sorted = [...answers].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const answer of sorted) {
    for (const choice of new Set(answer.choices)) if (choice < optionCount) counts[choice]++;
  }
  return {
    counts,
    answered: sorted.length,
    expected: Math.max(expected, sorted.length),
    answers: sorted.map((a) => ({
      classroomId: a.classroomId,
      name: a.name,
      choices: a.choices,
      at: a.at.toISOString(),
    })),
  };
}

export interface ClassroomPresence {
  classroomId?: string;
  intervals: { joinedAt: Date; leftAt?: Date }[];
}

/** Classrooms connected at some point while the quiz was open (those expected to answer). */
export function classroomsPresent(attendance: ClassroomPresence[], from: Date, to: Date): number {
  const present = new Set<string>();
  for (const a of attendance) {
    if (!a.classroomId) continue;
    const overlaps = a.intervals.some((i) => i.joinedAt <= to && (i.leftAt === undefined || i.leftAt >= from));
    if (overlaps) present.add(a.classroomId);
  }
  return present.size;
}
