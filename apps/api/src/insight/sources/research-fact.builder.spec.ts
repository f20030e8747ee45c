import type { RubricView } from '@tongke/contracts';
import { ResearchFactBuilder } from './research-fact.builder';

const SCHOOL = 'a'.repeat(24);
const place = { communityId: 'c'.repeat(24), schoolId: SCHOOL, timeZone: 'Asia/Shanghai' };
const rubric: RubricView = {
  id: 'r',
  name: 'r',
  builtIn: false,
  dimensions: [
    { key: 'd1', name: 'd1', weight: 3, items: [{ key: 'i1', name: 'i1', minScore: 0, maxScore: 10 }] },
    { key: 'd2', name: 'd2', weight: 1, items: [{ key: 'i2', name: 'i2', minScore: 0, maxScore: 5 }] },
  ],
};
// 2030-03-04 17:00 UTC is the 5th in Shanghai.
const submittedAt = new Date(Date.UTC(2030, 2, 4, 17, 0));
const updatedAt = new Date(Date.UTC(2030, 2, 4, 18, 0));
const submitted = { submitted: true, submittedAt, scores: { i1: 8, i2: 2 }, updatedAt };

describe(ResearchFactBuilder.name, () => {
  const builder = new ResearchFactBuilder();

  it('counts a submitted evaluation with its weighted total as a percentage, on its local submission day', () => {
    // (3 × 80 + 1 × 40) / 4 = 70
    expect(builder.evaluation(submitted, rubric, place)).toEqual({
      communityId: place.communityId,
      day: '2030-03-05',
      counters: { [`s.${SCHOOL}.rs.eval`]: 1, [`s.${SCHOOL}.rs.score`]: 70 },
      version: updatedAt.getTime(),
    });
  });

  it('keeps two decimals of the score', () => {
    const fact = builder.evaluation({ ...submitted, scores: { i1: 7, i2: 1 } }, rubric, place);
    // (3 × 70 + 1 × 20) / 4 = 57.5
    expect(fact?.counters[`s.${SCHOOL}.rs.score`]).toBe(57.5);
    const odd = {
      ...rubric,
      dimensions: [{ ...rubric.dimensions[0], items: [{ ...rubric.dimensions[0].items[0], maxScore: 3 }] }],
    };
    expect(builder.evaluation({ ...submitted, scores: { i1: 1 } }, odd, place)?.counters[`s.${SCHOOL}.rs.score`]).toBe(
      33.33,
    );
  });

  it('makes no fact of a draft, an evaluator without a school or a missing rubric', () => {
    expect(builder.evaluation({ ...submitted, submitted: false }, rubric, place)).toBeNull();
    expect(builder.evaluation(submitted, rubric, null)).toBeNull();
    expect(builder.evaluation(submitted, null, place)).toBeNull();
  });

  it('counts an activity at its teacher’s school on the local planned day', () => {
    expect(builder.activity({ plannedAt: submittedAt, updatedAt }, place)).toEqual({
      communityId: place.communityId,
      day: '2030-03-05',
      counters: { [`s.${SCHOOL}.rs.act`]: 1 },
      version: updatedAt.getTime(),
    });
    expect(builder.activity({ plannedAt: submittedAt, updatedAt }, null)).toBeNull();
  });
});
