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
