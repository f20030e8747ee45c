/** Roles a user can hold. Permissions are checked on the server against these. */
export enum Role {
  DISTRICT_ADMIN = 'district_admin',
  COMMUNITY_ADMIN = 'community_admin',
  SCHOOL_ADMIN = 'school_admin',
  TEACHER = 'teacher',
  ASSISTANT = 'assistant',
  RESEARCH_OFFICER = 'research_officer',
  /** A classroom terminal (the big screen in a receiving classroom), bound to one room. */
  TERMINAL = 'terminal',
}

export type CommunityKind = 'community' | 'group' | 'alliance';
export type SchoolKind = 'urban' | 'rural';
export type SchoolStage = 'primary' | 'junior' | 'nine_year';

/** Subjects of the national compulsory curriculum (2022 edition). */
export const SUBJECTS = [
  'chinese',
  'math',
  'english',
  'morality_law',
  'science',
  'music',
  'art',
  'pe_health',
  'it',
  'labor',
  'history',
  'geography',
  'physics',
  'chemistry',
  'biology',
] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Grades of compulsory education: 1–6 primary, 7–9 junior secondary. */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Grade = (typeof GRADES)[number];

/** Subject names as schools write them (Chinese), for imports and display: 语文 → chinese. */
export const SUBJECT_NAMES_ZH: Record<Subject, string> = {
  chinese: '语文',
  math: '数学',
  english: '英语',
  morality_law: '道德与法治',
  science: '科学',
  music: '音乐',
  art: '美术',
  pe_health: '体育与健康',
  it: '信息科技',
  labor: '劳动',
  history: '历史',
  geography: '地理',
  physics: '物理',
  chemistry: '化学',
  biology: '生物学',
};

/** Subject names in English (the web's English UI uses the same wording). */
export const SUBJECT_NAMES_EN: Record<Subject, string> = {
  chinese: 'Chinese',
  math: 'Mathematics',
  english: 'English',
  morality_law: 'Morality and Law',
  science: 'Science',
  music: 'Music',
  art: 'Art',
  pe_health: 'PE and Health',
  it: 'Information Technology',
  labor: 'Labour',
  history: 'History',
  geography: 'Geography',
  physics: 'Physics',
  chemistry: 'Chemistry',
  biology: 'Biology',
};

/** Roles an administrator may hand out, by scope: district admins are created by the platform operator. */
export const ADMIN_ROLES = ['district_admin', 'community_admin', 'school_admin'] as const;
