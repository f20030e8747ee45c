import type { ResourceSearchQuery } from '@tongke/contracts';
import {
  LIBRARY_LIMITS,
  RESOURCE_KINDS,
  RESOURCE_SORTS,
  type ResourceKind,
  type ResourceSort,
} from '@tongke/contracts/library/resource-values';
import { GRADES, SUBJECTS, type Subject } from '@tongke/contracts/org';

// The library's search query lives in the page URL (shareable, back/forward work): these map
// the route's query to a ResourceSearchQuery and back, dropping anything invalid or default.

/** Results per page of the library. */
export const LIBRARY_PAGE_SIZE = 12;

/** vue-router's LocationQuery, without depending on vue-router here. */
export type RouteQuery = Record<string, string | null | (string | null)[] | undefined>;

const ID = /^[0-9a-f]{24}$/;

function first(value: RouteQuery[string]): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

function text(value: RouteQuery[string], max: number): string | undefined {
  const v = first(value)?.trim();
  return v ? v.slice(0, max) : undefined;
}

function oneOf<T extends string>(value: RouteQuery[string], allowed: readonly T[]): T | undefined {
  const v = first(value);
  return (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
}

function positiveInt(value: RouteQuery[string]): number | undefined {
  const v = first(value);
  if (!v || !/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 ? n : undefined;
}

/** The search the URL describes (invalid values are ignored, not refused: old links keep working). */
export function queryFromRoute(route: RouteQuery): ResourceSearchQuery {
  const grade = positiveInt(route.grade);
  const seriesId = first(route.seriesId);
  const q: ResourceSearchQuery = {
    q: text(route.q, LIBRARY_LIMITS.queryMax),
    subject: oneOf<Subject>(route.subject, SUBJECTS),
    grade: grade && (GRADES as readonly number[]).includes(grade) ? grade : undefined,
    textbookEdition: text(route.textbookEdition, LIBRARY_LIMITS.textbookEditionMax),
    chapter: text(route.chapter, LIBRARY_LIMITS.chapterMax),
    tag: text(route.tag, LIBRARY_LIMITS.tagMax),
    kind: oneOf<ResourceKind>(route.kind, RESOURCE_KINDS),
    seriesId: seriesId && ID.test(seriesId) ? seriesId : undefined,
    favourites: ['1', 'true'].includes(first(route.favourites) ?? '') || undefined,
    sort: oneOf<ResourceSort>(route.sort, RESOURCE_SORTS),
    page: positiveInt(route.page),
  };
  return compact(q);
}

function compact(q: ResourceSearchQuery): ResourceSearchQuery {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== '') out[key] = value;
  return out as ResourceSearchQuery;
}

/** The URL query for a search: defaults (newest first, page 1) and empty filters are left out. */
export function routeFromQuery(q: ResourceSearchQuery): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out[key] = String(value);
  };
  put('q', q.q?.trim());
  put('subject', q.subject);
  put('grade', q.grade);
  put('textbookEdition', q.textbookEdition?.trim());
  put('chapter', q.chapter?.trim());
  put('tag', q.tag?.trim());
  put('kind', q.kind);
  put('seriesId', q.seriesId);
  if (q.favourites) out.favourites = '1';
  if (q.sort && q.sort !== 'newest') out.sort = q.sort;
  if (q.page && q.page > 1) out.page = String(q.page);
  return out;
}

/** The API's query string (`?…`) for a search, with the page size. */
export function apiSearchParams(q: ResourceSearchQuery, pageSize = LIBRARY_PAGE_SIZE): string {
  const params = new URLSearchParams(routeFromQuery(q));
  if (q.favourites) params.set('favourites', 'true');
  params.set('pageSize', String(Math.min(pageSize, LIBRARY_LIMITS.pageSizeMax)));
  return `?${params.toString()}`;
}

/** A changed filter (or search text) starts again at page 1. */
export function withFilter(q: ResourceSearchQuery, patch: Partial<ResourceSearchQuery>): ResourceSearchQuery {
  return compact({ ...q, ...patch, page: undefined });
}

/** Whether any filter narrows the search (the empty state then offers to clear them). */
export function hasFilters(q: ResourceSearchQuery): boolean {
  return Object.entries(q).some(
    ([key, v]) => key !== 'sort' && key !== 'page' && v !== undefined && v !== '' && v !== false,
  );
}

export function pageCount(total: number, pageSize: number): number {
  return pageSize > 0 ? Math.max(1, Math.ceil(total / pageSize)) : 1;
}

/**
 * `?t=` of a resource link: seconds (`95`, `95s`) or a clock (`1:35`, `1:02:03`); 0 when absent
 * or unreadable. Timestamped comments link here.
 */
export function parseStartTime(value: RouteQuery[string]): number {
  const v = first(value)?.trim() ?? '';
  const seconds = /^(\d{1,6})s?$/.exec(v);
  if (seconds) return Number(seconds[1]);
  if (!/^\d{1,3}(:[0-5]\d){1,2}$/.test(v)) return 0;
  return v.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
