import type { ClassroomView, CurrentUser, SchoolView, TermView, TimetableQuery, UserView } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';
import { DATE_PATTERN } from '@tongke/contracts/schedule';
import { addDays, daysBetween, inDateRange, weekStart } from './week-dates';

// What the week view shows: the community, term, week and whose timetable (a teacher, a
// classroom, a school or the whole community), kept in the page's URL query.

export type ScopeKind = 'teacher' | 'classroom' | 'school' | 'community';
export const SCOPES: ScopeKind[] = ['teacher', 'classroom', 'school', 'community'];

export interface Selection {
  communityId: string;
  termId: string;
  /** The Monday of the week shown. */
  week: string;
  scope: ScopeKind;
  /** The teacher, classroom or school id ('' for the community). */
  targetId: string;
}

type Query = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The parts of a selection the URL carries (unknown or malformed values are dropped). */
export function parseSelection(query: Query): Partial<Selection> {
  const scope = SCOPES.find((s) => s === query.scope);
  const week = str(query.week);
  const out: Partial<Selection> = {};
  if (str(query.community)) out.communityId = str(query.community);
  if (str(query.term)) out.termId = str(query.term);
  if (DATE_PATTERN.test(week)) out.week = weekStart(week);
  if (scope) out.scope = scope;
  if (scope && scope !== 'community' && str(query.target)) out.targetId = str(query.target);
  return out;
}

export function selectionQuery(sel: Selection): Record<string, string> {
  const q: Record<string, string> = { community: sel.communityId, term: sel.termId, week: sel.week, scope: sel.scope };
  if (sel.targetId) q.target = sel.targetId;
  return q;
}

const ADMIN_ROLES: Role[] = [Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN, Role.SCHOOL_ADMIN];

/** May open the "new schedule" dialog and move or cancel lessons (the server checks the school). */
export const canEditSchedules = (user: CurrentUser | null) => !!user?.roles.some((r) => ADMIN_ROLES.includes(r));

/** May edit terms (district and community admins). */
export const canEditTerms = (user: CurrentUser | null) =>
  !!user?.roles.some((r) => r === Role.DISTRICT_ADMIN || r === Role.COMMUNITY_ADMIN);

/** Whose timetable a user sees first: a teacher their own, a classroom its room, a school admin their school. */
export function defaultScope(user: CurrentUser): Pick<Selection, 'scope' | 'targetId'> {
  if (user.roles.includes(Role.TEACHER)) return { scope: 'teacher', targetId: user.id };
  if (user.classroomId && (user.roles.includes(Role.TERMINAL) || user.roles.includes(Role.ASSISTANT))) {
    return { scope: 'classroom', targetId: user.classroomId };
  }
  if (user.schoolId && user.roles.includes(Role.SCHOOL_ADMIN)) return { scope: 'school', targetId: user.schoolId };
  return { scope: 'community', targetId: '' };
}

/** The term holding `today`, else the next one to start, else the latest. */
export function pickTerm(terms: TermView[], today: string): TermView | undefined {
  const byStart = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    byStart.find((t) => inDateRange(today, t.startsOn, t.endsOn)) ??
    byStart.find((t) => t.startsOn > today) ??
    byStart[byStart.length - 1]
  );
}

/** This week when the term holds today, else the term's first week. */
export function initialWeek(term: TermView | undefined, today: string): string {
  if (!term || inDateRange(today, term.startsOn, term.endsOn)) return weekStart(today);
  return weekStart(term.startsOn);
}

/** 第 N 周 of the term (1 = the week it starts in), or null outside it. */
export function termWeekNumber(term: TermView | undefined, monday: string): number | null {
  if (!term || addDays(monday, 6) < term.startsOn || monday > term.endsOn) return null;
  return daysBetween(weekStart(term.startsOn), monday) / 7 + 1;
}

/** The week view query for a selection. */
export function timetableQuery(sel: Selection): TimetableQuery {
  const q: TimetableQuery = { from: sel.week, to: addDays(sel.week, 6) };
  if (sel.scope === 'teacher' && sel.targetId) q.teacherId = sel.targetId;
  if (sel.scope === 'classroom' && sel.targetId) q.classroomId = sel.targetId;
  if (sel.scope === 'school' && sel.targetId) q.schoolId = sel.targetId;
  return q;
}

export interface Directory {
  schools: SchoolView[];
  classrooms: ClassroomView[];
  teachers: UserView[];
}

/**
 * Whose bell periods are the rows: the viewed teacher's school (their lessons follow it);
 * otherwise the community's lead school, whose teachers lead the dedicated lessons; failing
 * that, the viewed school or classroom's school.
 */
export function bellSchoolId(sel: Selection, dir: Directory, user: CurrentUser | null): string | undefined {
  if (sel.scope === 'teacher') {
    const own = sel.targetId === user?.id ? user?.schoolId : undefined;
    const school = own ?? dir.teachers.find((t) => t.id === sel.targetId)?.schoolId;
    if (school) return school;
  }
  const lead = dir.schools.find((s) => s.isLead)?.id;
  if (lead) return lead;
  if (sel.scope === 'school' && sel.targetId) return sel.targetId;
  if (sel.scope === 'classroom') return dir.classrooms.find((c) => c.id === sel.targetId)?.schoolId;
  return dir.schools[0]?.id;
}

export interface TargetOption {
  id: string;
  label: string;
}

/** Who can be picked for a scope: the directory's teachers (and oneself), classrooms by school, schools. */
export function targetOptions(scope: ScopeKind, dir: Directory, user: CurrentUser | null): TargetOption[] {
  if (scope === 'teacher') {
    const list = dir.teachers.map((t) => ({ id: t.id, label: t.displayName }));
    const self = user?.roles.includes(Role.TEACHER) && !list.some((o) => o.id === user.id);
    return self && user ? [{ id: user.id, label: user.displayName }, ...list] : list;
  }
  if (scope === 'classroom') {
    const schoolName = new Map(dir.schools.map((s) => [s.id, s.name]));
    return dir.classrooms.map((c) => ({ id: c.id, label: `${schoolName.get(c.schoolId) ?? ''} ${c.name}`.trim() }));
  }
  if (scope === 'school') return dir.schools.map((s) => ({ id: s.id, label: s.name }));
  return [];
}

/** The target after switching scope: the user's own (defaultScope) when it fits, else the first option. */
export function targetFor(scope: ScopeKind, options: TargetOption[], user: CurrentUser | null): string {
  const own = user ? defaultScope(user) : undefined;
  if (own?.scope === scope && options.some((o) => o.id === own.targetId)) return own.targetId;
  return options[0]?.id ?? '';
}

/**
 * The selection to open with: what the URL asked for (when it is for this community), the rest
 * from the user (whose timetable) and the calendar (the current term, this week or its first).
 */
export function initialSelection(
  asked: Partial<Selection>,
  communityId: string,
  terms: TermView[],
  user: CurrentUser | null,
  today: (timeZone?: string) => string,
): Selection {
  const same = !asked.communityId || asked.communityId === communityId;
  const chosen = same && asked.termId ? terms.find((t) => t.id === asked.termId) : undefined;
  const term = chosen ?? pickTerm(terms, today());
  const fallback = user ? defaultScope(user) : { scope: 'community' as const, targetId: '' };
  const scope = same && asked.scope ? { scope: asked.scope, targetId: asked.targetId ?? '' } : fallback;
  const week = (same && asked.week) || initialWeek(term, today(term?.timeZone));
  return { communityId, termId: term?.id ?? '', week, ...scope };
}
