import type { LiveRequest, QuizKind, QuizView } from '@tongke/contracts';

/** The lead's quiz composer, as edited in the form. */
export interface QuizForm {
  question: string;
  kind: QuizKind;
  options: string[];
  /** Per option: whether it is a correct answer (optional). */
  correct: boolean[];
  durationSec: number;
}

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
export const MIN_DURATION_S = 5;
export const MAX_DURATION_S = 600;

export type QuizFormProblem = 'question' | 'options' | 'duration' | 'correct';

export function newQuizForm(): QuizForm {
  return { question: '', kind: 'single', options: ['', ''], correct: [false, false], durationSec: 60 };
}

export function addOption(form: QuizForm): void {
  if (form.options.length >= MAX_OPTIONS) return;
  form.options.push('');
  form.correct.push(false);
}

export function removeOption(form: QuizForm, index: number): void {
  if (form.options.length <= MIN_OPTIONS || index < 0 || index >= form.options.length) return;
  form.options.splice(index, 1);
  form.correct.splice(index, 1);
}

/** Marks an option correct or not; a single-choice quiz has at most one correct option. */
export function setCorrect(form: QuizForm, index: number, on: boolean): void {
  if (form.kind === 'single' && on) form.correct = form.correct.map(() => false);
  form.correct[index] = on;
}

export function setKind(form: QuizForm, kind: QuizKind): void {
  form.kind = kind;
  if (kind === 'single') {
    const first = form.correct.indexOf(true);
    form.correct = form.correct.map((_, i) => i === first);
  }
}

/** The `quiz:start` request for a valid form, or what is wrong with it. */
export function buildQuizStart(
  form: QuizForm,
): { ok: true; request: LiveRequest<'quiz:start'> } | { ok: false; problem: QuizFormProblem } {
  const question = form.question.trim();
  const options = form.options.map((o) => o.trim());
  if (!question || question.length > 300) return { ok: false, problem: 'question' };
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS || options.some((o) => !o || o.length > 100)) {
    return { ok: false, problem: 'options' };
  }
  const duration = Math.round(form.durationSec);
  if (!Number.isFinite(duration) || duration < MIN_DURATION_S || duration > MAX_DURATION_S) {
    return { ok: false, problem: 'duration' };
  }
  const correct = form.correct.flatMap((on, i) => (on && i < options.length ? [i] : []));
  if (form.kind === 'single' && correct.length > 1) return { ok: false, problem: 'correct' };
  const request: LiveRequest<'quiz:start'> = { question, kind: form.kind, options, durationSec: duration };
  if (correct.length) request.correct = correct;
  return { ok: true, request };
}

/** A classroom picks an option: single choice replaces, multiple choice toggles. */
export function toggleChoice(kind: QuizKind, choices: number[], index: number): number[] {
  if (kind === 'single') return [index];
  return choices.includes(index) ? choices.filter((c) => c !== index) : [...choices, index].sort((a, b) => a - b);
}

/** Whether a set of choices matches the quiz's correct answers (undefined when none were given). */
export function isCorrect(quiz: QuizView, choices: number[]): boolean | undefined {
  if (!quiz.correct?.length) return undefined;
  const want = [...quiz.correct].sort((a, b) => a - b);
  const got = [...new Set(choices)].sort((a, b) => a - b);
  return want.length === got.length && want.every((v, i) => v === got[i]);
}
