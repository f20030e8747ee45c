import { randomUUID } from 'node:crypto';
import type { QuizKind, QuizTally, QuizView } from '@tongke/contracts';

export interface QuizSpec {
  question: string;
  kind: QuizKind;
  options: string[];
  correct?: number[];
  durationSec: number;
}

interface QuizAnswer {
  classroomId: string;
  name: string;
  choices: number[];
  at: string;
}

/** Who looks at a quiz: everything, or one classroom's own answer (a classroom or its assistant while open). */
export type QuizAudience = { full: true } | { full: false; classroomId?: string };

/** Problem with a set of option indices for a quiz of this kind, or null. */
export function choicesProblem(kind: QuizKind, optionCount: number, choices: number[], what: string): string | null {
  if (choices.some((c) => c >= optionCount)) return `${what} must be option indices below ${optionCount}`;
  if (new Set(choices).size !== choices.length) return `${what} must not repeat an option`;
  if (kind === 'single' && choices.length > 1)
    return `a single-choice quiz takes one ${what === 'choices' ? 'choice' : 'correct option'}`;
  return null;
}

/** One quick quiz: one answer per classroom (the latest counts) and its tally. */
export class Quiz {
  readonly id = randomUUID();
  readonly startedAt: string;
  readonly endsAt: string;
  endedAt: string | undefined;
  private readonly answers = new Map<string, QuizAnswer>();
  private readonly expected = new Set<string>();

  constructor(
    readonly spec: QuizSpec,
    now: Date,
    expectedClassroomIds: Iterable<string>,
  ) {
    this.startedAt = now.toISOString();
    this.endsAt = new Date(now.getTime() + spec.durationSec * 1000).toISOString();
    for (const id of expectedClassroomIds) this.expected.add(id);
  }

  get open(): boolean {
    return this.endedAt === undefined;
  }

  /** A classroom that joins while the quiz is open is expected to answer too. */
  expect(classroomId: string): void {
    if (this.open) this.expected.add(classroomId);
  }

  /** Problem with these choices (indices, repeats, one for single choice), or null. */
  problemWith(choices: number[]): string | null {
    if (choices.length === 0) return 'choose at least one option';
    return choicesProblem(this.spec.kind, this.spec.options.length, choices, 'choices');
  }

  answer(classroomId: string, name: string, choices: number[], at: Date): void {
    this.expected.add(classroomId);
    this.answers.set(classroomId, {
      classroomId,
      name,
      choices: [...choices].sort((a, b) => a - b),
      at: at.toISOString(),
    });
  }

  end(at: Date): void {
    this.endedAt ??= at.toISOString();
  }

  /** The tally of every classroom, or of one classroom only. */
  tally(classroomId?: string): QuizTally {
    const all = [...this.answers.values()];
    const answers = classroomId === undefined ? all : all.filter((a) => a.classroomId === classroomId);
    const counts = this.spec.options.map((_, i) => answers.filter((a) => a.choices.includes(i)).length);
    const expected = classroomId === undefined ? this.expected.size : this.expected.has(classroomId) ? 1 : 0;
    return { counts, answered: answers.length, expected, answers: answers.map((a) => ({ ...a })) };
  }

  /** The quiz as `audience` may see it: classrooms see neither the correct options nor others' answers while open. */
  view(audience: QuizAudience): QuizView {
    const full = audience.full || !this.open;
    const base: QuizView = {
      id: this.id,
      question: this.spec.question,
      kind: this.spec.kind,
      options: [...this.spec.options],
      durationSec: this.spec.durationSec,
      startedAt: this.startedAt,
      endsAt: this.endsAt,
      endedAt: this.endedAt,
      tally: full ? this.tally() : this.tally(audience.full ? undefined : (audience.classroomId ?? '')),
    };
    if (full && this.spec.correct) base.correct = [...this.spec.correct];
    if (base.endedAt === undefined) delete base.endedAt;
    return base;
  }
}
