import {
  choiceCell,
  classNumberCell,
  gradeCell,
  integerCell,
  smallNumber,
  subjectsCell,
  textCell,
  usernameCell,
  yesNoCell,
} from './cell.parsers';
import type { CellResult } from './cell-result';

const value = <T>(r: CellResult<T>) => (r.ok ? r.value : `!${r.reason}`);

describe('cell parsers', () => {
  it('textCell: required, trimmed, counted in characters', () => {
    expect(value(textCell('  石林镇小学 ', { required: true, max: 64 }))).toBe('石林镇小学');
    expect(value(textCell('', { required: true, max: 64 }))).toBe('!required');
    expect(value(textCell(undefined, { max: 64 }))).toBe('');
    expect(value(textCell('学'.repeat(64), { max: 64 }))).toBe('学'.repeat(64));
    expect(value(textCell('学'.repeat(65), { max: 64 }))).toMatch(/^!too long: 65 characters, at most 64/);
  });

  it('choiceCell matches ignoring case, spaces and full-width forms, and lists the choices', () => {
    const choices = { 城区: 'urban', 乡村: 'rural', urban: 'urban' };
    expect(value(choiceCell(' 乡村 ', choices, '城区 or 乡村'))).toBe('rural');
    expect(value(choiceCell('ＵＲＢＡＮ', choices, '城区 or 乡村'))).toBe('urban');
    expect(value(choiceCell('郊区', choices, '城区 or 乡村'))).toBe('!"郊区" is not one of 城区 or 乡村');
    expect(value(choiceCell('', choices, '城区 or 乡村'))).toBe('!required: 城区 or 乡村');
  });

  it('yesNoCell: 是/否 and friends; empty is 否', () => {
    expect(['是', '否', 'Y', 'no', '1', '√', ''].map((v) => value(yesNoCell(v)))).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(value(yesNoCell('可能'))).toMatch(/^!"可能" is not one of 是 or 否/);
  });

  it('integerCell: whole numbers in range, Excel-style 36.0 and full-width digits, a default when empty', () => {
    expect(value(integerCell('36', 0, 500))).toBe(36);
    expect(value(integerCell('36.0', 0, 500))).toBe(36);
    expect(value(integerCell('３６', 0, 500))).toBe(36);
    expect(value(integerCell('', 0, 500, 0))).toBe(0);
    expect(value(integerCell('', 0, 500))).toBe('!required');
    expect(value(integerCell('36.5', 0, 500))).toBe('!"36.5" is not a whole number');
    expect(value(integerCell('-1', 0, 500))).toBe('!"-1" is not a whole number');
    expect(value(integerCell('501', 0, 500))).toBe('!501 is out of range 0–500');
    expect(value(integerCell('三十', 0, 500))).toBe('!"三十" is not a whole number');
  });

  it('smallNumber reads Chinese numerals up to 99', () => {
    expect(['四', '十', '十二', '二十', '二十三', '九十九', '7', '三四', '百'].map(smallNumber)).toEqual([
      4,
      10,
      12,
      20,
      23,
      99,
      7,
      undefined,
      undefined,
    ]);
  });

  it('gradeCell: 4, 四年级, 初一 and grade 4; 1–9 only', () => {
    expect(['4', '四年级', '4年级', '七年级', '初一', '初三', 'Grade 4', '９'].map((g) => value(gradeCell(g)))).toEqual(
      [4, 4, 4, 7, 7, 9, 4, 9],
    );
    expect(value(gradeCell('十年级'))).toBe('!grade 10 is out of range 1–9');
    expect(value(gradeCell('高一'))).toMatch(/^!"高一" is not a grade/);
    expect(value(gradeCell(''))).toBe('!required');
  });

  it('classNumberCell: 2, 02, 2班, （2）班, 二班 and 四年级(2)班', () => {
    expect(
      ['2', '02', '2班', '（2）班', '(2)班', '二班', '四年级(2)班', '十二班'].map((c) => value(classNumberCell(c, 50))),
    ).toEqual([2, 2, 2, 2, 2, 2, 2, 12]);
    expect(value(classNumberCell('0', 50))).toBe('!class number 0 is out of range 1–50');
    expect(value(classNumberCell('甲班', 50))).toMatch(/^!"甲班" is not a class number/);
  });

  it('subjectsCell: Chinese names with any separator, aliases, English keys; unknown names are listed', () => {
    expect(value(subjectsCell('语文、数学，英语'))).toEqual(['chinese', 'math', 'english']);
    expect(value(subjectsCell('音乐 美术;体育/道法'))).toEqual(['music', 'art', 'pe_health', 'morality_law']);
    expect(value(subjectsCell('Science, science, 科学'))).toEqual(['science']);
    expect(value(subjectsCell(''))).toEqual([]);
    expect(value(subjectsCell('语文、书法、编程'))).toMatch(/^!unknown subject\(s\): 书法, 编程/);
  });

  it('usernameCell: lowercased, 3–40 characters of the allowed set', () => {
    expect(value(usernameCell(' Wang.Lei '))).toBe('wang.lei');
    expect(value(usernameCell('13800138000'))).toBe('13800138000');
    expect(value(usernameCell('ab'))).toMatch(/^!too short/);
    expect(value(usernameCell('a'.repeat(41)))).toMatch(/^!too long/);
    expect(value(usernameCell('王老师'))).toMatch(/may only use a–z/);
    expect(value(usernameCell('.wang'))).toMatch(/may only use a–z/);
    expect(value(usernameCell(''))).toBe('!required');
  });
});
