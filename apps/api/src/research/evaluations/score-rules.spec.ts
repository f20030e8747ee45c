import { DEFAULT_RUBRIC } from '@tongke/contracts';
import { checkScores } from './score-rules';

const all = Object.fromEntries(DEFAULT_RUBRIC.dimensions.flatMap((d) => d.items.map((i) => [i.key, 5])));

describe(checkScores.name, () => {
  it('accepts partial drafts and complete submissions within range', () => {
    expect(() => checkScores(DEFAULT_RUBRIC, { 'goals-clear': 0 }, false)).not.toThrow();
    expect(() => checkScores(DEFAULT_RUBRIC, { ...all, 'goals-met': 10 }, true)).not.toThrow();
  });

  it('refuses unknown items and scores out of range, naming them', () => {
    expect(() => checkScores(DEFAULT_RUBRIC, { nope: 1 }, false)).toThrow('"nope" is not an item of the rubric');
    expect(() => checkScores(DEFAULT_RUBRIC, { 'goals-met': 11 }, false)).toThrow(
      'the score of "goals-met" must be 0-10 (got 11)',
    );
    expect(() => checkScores(DEFAULT_RUBRIC, { 'goals-met': -1 }, false)).toThrow('must be 0-10');
  });

  it('refuses a submission with missing items, listing them', () => {
    const partial = { ...all };
    delete partial['teacher-control'];
    expect(() => checkScores(DEFAULT_RUBRIC, partial, true)).toThrow('missing: teacher-control');
  });
});
