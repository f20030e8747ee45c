import { classGroupName, gradeFitsStage, gradeStageProblem } from './class-group.policy';

describe('class-group.policy', () => {
  it('names classes like 四年级(2)班', () => {
    expect(classGroupName(4, 2)).toBe('四年级(2)班');
    expect(classGroupName(1, 12)).toBe('一年级(12)班');
    expect(classGroupName(9, 1)).toBe('九年级(1)班');
  });

  it.each([
    ['primary', 1, true],
    ['primary', 6, true],
    ['primary', 7, false],
    ['junior', 6, false],
    ['junior', 7, true],
    ['junior', 9, true],
    ['nine_year', 1, true],
    ['nine_year', 9, true],
    ['nine_year', 10, false],
    ['primary', 0, false],
    ['primary', 2.5, false],
  ] as const)('%s school, grade %d: %s', (stage, grade, fits) => {
    expect(gradeFitsStage(grade, stage)).toBe(fits);
    expect(gradeStageProblem(grade, stage) === null).toBe(fits);
  });

  it('explains a grade outside the stage', () => {
    expect(gradeStageProblem(8, 'primary')).toBe('grade 8 is not taught at a primary school (grades 1–6)');
    expect(gradeStageProblem(3, 'junior')).toBe('grade 3 is not taught at a junior secondary school (grades 7–9)');
  });
});
