import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RUBRIC } from '@tongke/contracts/research/research-values';
import {
  compareIds,
  dimensionSubtotal,
  evaluationMode,
  formatAt,
  formTotal,
  missingItems,
  recordingLink,
  scoredOnly,
  secondsSince,
  teachesLesson,
} from './evaluation-form';
import { emptyRubric, newDimension, toRequest, weightSum, weightsOk } from './rubric-draft';

const dims = DEFAULT_RUBRIC.dimensions;
const all = (v: number) => Object.fromEntries(dims.flatMap((d) => d.items.map((i) => [i.key, v])));

describe('evaluation form helpers', () => {
  it('computes subtotals and the weighted total like the report', () => {
    expect(dimensionSubtotal(dims[0]!, { 'goals-clear': 8, 'goals-met': 6 })).toEqual({ sum: 14, percent: 70 });
    expect(formTotal(dims, all(10))).toBeCloseTo(100, 9);
    expect(formTotal(dims, { ...all(6), 'goals-met': 2 })).toBeCloseTo(57, 9);
    expect(formTotal([], {})).toBe(0);
  });

  it('lists missing items and keeps scored ones', () => {
    expect(missingItems(dims, { ...all(5), 'teacher-control': undefined })).toEqual(['teacher-control']);
    expect(scoredOnly({ a: 1, b: undefined })).toEqual({ a: 1 });
  });

  it('formats time stamps and links into the library player', () => {
    expect(formatAt(0)).toBe('0:00');
    expect(formatAt(95.7)).toBe('1:35');
    expect(formatAt(3725)).toBe('1:02:05');
    expect(recordingLink('abc', 95.7)).toBe('/library/abc?t=95');
    expect(secondsSince('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:01:30Z'))).toBe(90);
    expect(secondsSince(undefined, Date.now())).toBe(0);
  });

  it('opens live only while the lesson is live, even for a draft saved live', () => {
    expect(evaluationMode('live')).toBe('live');
    expect(evaluationMode('live', 'recording')).toBe('recording');
    expect(evaluationMode('live', 'live')).toBe('live');
    expect(evaluationMode('ended', 'live')).toBe('recording');
    expect(evaluationMode('scheduled', 'live')).toBe('recording');
    expect(evaluationMode(undefined, 'live')).toBe('recording');
    expect(evaluationMode('ended')).toBe('recording');
  });

  it("knows the lesson's teacher, who does not score it", () => {
    const activity = { teacher: { id: 't1' } };
    expect(teachesLesson(activity, 't1')).toBe(true);
    expect(teachesLesson(activity, 't2')).toBe(false);
    expect(teachesLesson(activity, undefined)).toBe(false);
  });

  it('reads distinct compare ids from the query', () => {
    expect(compareIds('a,b,,a,c')).toEqual(['a', 'b', 'c']);
    expect(compareIds(['a', 'b'])).toEqual(['a', 'b']);
    expect(compareIds(undefined)).toEqual([]);
  });
});

describe('rubric draft', () => {
  it('checks the weight sum live', () => {
    const draft = emptyRubric();
    expect(weightsOk(draft)).toBe(true);
    draft.dimensions.push({ ...newDimension(2), weight: 10 });
    expect(weightSum(draft)).toBe(110);
    expect(weightsOk(draft)).toBe(false);
  });

  it('turns the draft into a request with numbers', () => {
    const draft = emptyRubric();
    draft.dimensions[0]!.weight = '100' as unknown as number;
    expect(toRequest(draft).dimensions[0]!.weight).toBe(100);
  });
});
