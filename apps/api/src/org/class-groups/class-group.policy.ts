import type { SchoolStage } from '@tongke/contracts';

/** The grades each school stage teaches: primary 1–6, junior secondary 7–9, nine-year schools 1–9. */
export const GRADE_RANGE: Record<SchoolStage, { min: number; max: number }> = {
  primary: { min: 1, max: 6 },
  junior: { min: 7, max: 9 },
  nine_year: { min: 1, max: 9 },
};

const STAGE_NAMES: Record<SchoolStage, string> = {
  primary: 'primary',
  junior: 'junior secondary',
  nine_year: 'nine-year',
};

const GRADE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Whether a school of `stage` teaches `grade`. */
export function gradeFitsStage(grade: number, stage: SchoolStage): boolean {
  const { min, max } = GRADE_RANGE[stage];
  return Number.isInteger(grade) && grade >= min && grade <= max;
}

/** Why `grade` is wrong for the stage (e.g. "grade 8 is not taught at a primary school (grades 1–6)"), or null. */
export function gradeStageProblem(grade: number, stage: SchoolStage): string | null {
  if (gradeFitsStage(grade, stage)) return null;
  const { min, max } = GRADE_RANGE[stage];
  return `grade ${grade} is not taught at a ${STAGE_NAMES[stage]} school (grades ${min}–${max})`;
}

/** Display name of a class: grade 4, class 2 → 四年级(2)班. */
export function classGroupName(grade: number, classNumber: number): string {
  const numeral = GRADE_NUMERALS[grade - 1] ?? String(grade);
  return `${numeral}年级(${classNumber})班`;
}
