import { ORG_LIMITS, SUBJECT_NAMES_ZH, SUBJECTS, type Subject, USERNAME_PATTERN } from '@tongke/contracts';
import { type CellResult, invalid, valid } from './cell-result';
import { nameKey } from './name-key';

/** The length a person counts: characters, not UTF-16 units. */
const length = (s: string) => [...s].length;

/** Free text: `required` cells must not be empty; at most `max` characters (and at least `min` when given). */
export function textCell(
  raw: string | undefined,
  opts: { max: number; min?: number; required?: boolean },
): CellResult<string> {
  const value = (raw ?? '').trim();
  if (!value) return opts.required ? invalid('required') : valid('');
  if (length(value) > opts.max) return invalid(`too long: ${length(value)} characters, at most ${opts.max}`);
  if (opts.min !== undefined && length(value) < opts.min) return invalid(`too short: at least ${opts.min} characters`);
  return valid(value);
}

/** One of a fixed set of words (matched by `nameKey`); `expected` lists them for the message. */
export function choiceCell<T>(raw: string | undefined, choices: Record<string, T>, expected: string): CellResult<T> {
  const value = (raw ?? '').trim();
  if (!value) return invalid(`required: ${expected}`);
  const found = Object.entries(choices).find(([word]) => nameKey(word) === nameKey(value));
  return found ? valid(found[1]) : invalid(`"${value}" is not one of ${expected}`);
}

const YES_NO: Record<string, boolean> = {
  是: true,
  否: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
  '√': true,
  '×': false,
};

/** 是/否 (also yes/no, y/n, true/false, 1/0, √/×); an empty cell is 否. */
export function yesNoCell(raw: string | undefined): CellResult<boolean> {
  return raw?.trim() ? choiceCell(raw, YES_NO, '是 or 否') : valid(false);
}

/** A whole number in [min, max] (full-width digits and a trailing `.0` from Excel accepted); empty: `empty`. */
export function integerCell(raw: string | undefined, min: number, max: number, empty?: number): CellResult<number> {
  const value = (raw ?? '').normalize('NFKC').trim();
  if (!value) return empty === undefined ? invalid('required') : valid(empty);
  if (!/^\+?\d+(\.0+)?$/.test(value)) return invalid(`"${value}" is not a whole number`);
  const n = Number.parseInt(value, 10);
  return n >= min && n <= max ? valid(n) : invalid(`${n} is out of range ${min}–${max}`);
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 written as Arabic digits or in Chinese (四, 十二, 二十三); undefined if neither. */
export function smallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (ones ? CHINESE_DIGITS[ones] : 0);
}

const JUNIOR_YEAR: Record<string, number> = { 初一: 7, 初二: 8, 初三: 9 };

/** A grade 1–9: 4, 四年级, 4年级, 七年级, 初一 (= 7), grade 4. */
export function gradeCell(raw: string | undefined): CellResult<number> {
  const value = (raw ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!value) return invalid('required');
  const text = value.replace(/^grade/, '').replace(/年级$/, '');
  const n = JUNIOR_YEAR[value] ?? smallNumber(text);
  if (n === undefined) return invalid(`"${value}" is not a grade (write 1–9 or e.g. 四年级)`);
  return n >= 1 && n <= 9 ? valid(n) : invalid(`grade ${n} is out of range 1–9`);
}

/** A class number: 2, 02, 2班, (2)班, （2）班, 二班, also 四年级(2)班 (the grade part ignored). */
export function classNumberCell(raw: string | undefined, max: number): CellResult<number> {
  const value = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (!value) return invalid('required');
  const text = value
    .replace(/^.*年级/, '')
    .replace(/班$/, '')
    .replace(/^\((.*)\)$/, '$1');
  const n = /^\d+$/.test(text) ? Number.parseInt(text, 10) : smallNumber(text);
  if (n === undefined) return invalid(`"${value}" is not a class number (write e.g. 2 or 2班)`);
  return n >= 1 && n <= max ? valid(n) : invalid(`class number ${n} is out of range 1–${max}`);
}

/** Older or short names schools still write, mapped to the 2022 curriculum's subjects. */
const SUBJECT_ALIASES: Record<string, Subject> = {
  道法: 'morality_law',
  思想品德: 'morality_law',
  品德与社会: 'morality_law',
  品德与生活: 'morality_law',
  体育: 'pe_health',
  信息技术: 'it',
  生物: 'biology',
};

const SUBJECT_WORDS: Record<string, Subject> = {
  ...Object.fromEntries(SUBJECTS.map((s) => [SUBJECT_NAMES_ZH[s], s])),
  ...Object.fromEntries(SUBJECTS.map((s) => [s, s])),
  ...SUBJECT_ALIASES,
};

/** Subjects by their Chinese names (语文、数学, also English keys), separated by 、 , ; / or spaces. */
export function subjectsCell(raw: string | undefined): CellResult<Subject[]> {
  const words = (raw ?? '')
    .normalize('NFKC')
    .split(/[、,;/\s]+/)
    .filter((w) => w !== '');
  const subjects: Subject[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const subject = SUBJECT_WORDS[word] ?? SUBJECT_WORDS[word.toLowerCase()];
    if (!subject) unknown.push(word);
    else if (!subjects.includes(subject)) subjects.push(subject);
  }
  if (unknown.length) {
    return invalid(
      `unknown subject(s): ${unknown.join(', ')} (write e.g. ${Object.values(SUBJECT_NAMES_ZH).slice(0, 4).join('、')})`,
    );
  }
  return valid(subjects);
}

/** A username: lowercased, 3–32 characters of a–z, 0–9, `.`, `_`, `-` (phone numbers work too). */
export function usernameCell(raw: string | undefined): CellResult<string> {
  const text = textCell((raw ?? '').normalize('NFKC').toLowerCase(), {
    required: true,
    min: ORG_LIMITS.usernameMin,
    max: ORG_LIMITS.usernameMax,
  });
  if (!text.ok || USERNAME_PATTERN.test(text.value)) return text;
  return invalid(`"${text.value}" may only use a–z, 0–9, ".", "_" and "-", starting with a letter or digit`);
}
