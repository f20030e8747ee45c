import { describe, expect, it } from '@jest/globals';
import {
  addOption,
  buildQuizStart,
  isCorrect,
  MAX_OPTIONS,
  newQuizForm,
  removeOption,
  setCorrect,
  setKind,
  toggleChoice,
} from './quiz-form';
import { quiz } from './testing/live-fixtures';

function filled() {
  const form = newQuizForm();
  form.question = '  《茉莉花》是哪个地方的民歌？ ';
  form.options = [' 江苏 ', '云南'];
  return form;
}

describe('quiz-form', () => {
  it('builds a trimmed quiz:start request, without `correct` when none is marked', () => {
    expect(buildQuizStart(filled())).toEqual({
      ok: true,
      request: { question: '《茉莉花》是哪个地方的民歌？', kind: 'single', options: ['江苏', '云南'], durationSec: 60 },
    });
  });

  it('sends the marked correct options', () => {
    const form = filled();
    setCorrect(form, 0, true);
    const built = buildQuizStart(form);
    expect(built.ok && built.request.correct).toEqual([0]);
  });

  it('names what is wrong with an invalid form', () => {
    const noQuestion = filled();
    noQuestion.question = ' ';
    expect(buildQuizStart(noQuestion)).toEqual({ ok: false, problem: 'question' });
    const blankOption = filled();
    blankOption.options[1] = '  ';
    expect(buildQuizStart(blankOption)).toEqual({ ok: false, problem: 'options' });
    const tooShort = filled();
    tooShort.durationSec = 4;
    expect(buildQuizStart(tooShort)).toEqual({ ok: false, problem: 'duration' });
    const notANumber = filled();
    notANumber.durationSec = Number('abc');
    expect(buildQuizStart(notANumber)).toEqual({ ok: false, problem: 'duration' });
  });

  it('keeps 2 to 8 options, with their correct marks aligned', () => {
    const form = filled();
    removeOption(form, 0);
    expect(form.options).toHaveLength(2);
    for (let i = 0; i < 10; i++) addOption(form);
    expect(form.options).toHaveLength(MAX_OPTIONS);
    setCorrect(form, 3, true);
    removeOption(form, 1);
    expect(form.correct.indexOf(true)).toBe(2);
    expect(form.correct).toHaveLength(MAX_OPTIONS - 1);
  });

  it('allows one correct option in single choice, several in multiple choice', () => {
    const form = filled();
    addOption(form);
    setCorrect(form, 0, true);
    setCorrect(form, 2, true);
    expect(form.correct).toEqual([false, false, true]);
    setKind(form, 'multiple');
    setCorrect(form, 0, true);
    expect(form.correct).toEqual([true, false, true]);
    setKind(form, 'single');
    expect(form.correct).toEqual([true, false, false]);
  });

  it('picks answers: single choice replaces, multiple choice toggles', () => {
    expect(toggleChoice('single', [0], 2)).toEqual([2]);
    expect(toggleChoice('multiple', [2], 0)).toEqual([0, 2]);
    expect(toggleChoice('multiple', [0, 2], 2)).toEqual([0]);
  });

  it('marks an answer right only when it matches the correct set exactly', () => {
    const q = quiz('q', { kind: 'multiple', options: ['a', 'b', 'c'], correct: [2, 0] });
    expect(isCorrect(q, [0, 2])).toBe(true);
    expect(isCorrect(q, [0])).toBe(false);
    expect(isCorrect(q, [0, 1, 2])).toBe(false);
    expect(isCorrect(quiz('q'), [0])).toBeUndefined();
  });
});
