import { BALANCE_MIN_SCHOOLS, BALANCE_THRESHOLDS } from '@tongke/contracts/insight/insight-values';
import type { InsightCell, InsightColumn, InsightTableLang } from '@tongke/contracts/insight/insight-tables';
import type { LinkStatsView } from '@tongke/contracts/insight/insight-views';

// Number formatting and judgements of the dashboards (pure: the components only render these).

/** Shown where a ratio has no denominator or a value is missing. */
export const NONE = '—';

/** 0.8532 → "85.3%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return `${(value * 100).toFixed(digits)}%`;
}

/** Grouped digits in the locale, at most `digits` decimals. */
export function formatNumber(value: number | null | undefined, locale: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return value.toLocaleString(locale, { maximumFractionDigits: digits });
}

/** A coefficient of variation, always 3 decimals (0.28 → "0.280"). */
export function formatCv(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return value.toFixed(3);
}

/** A table cell: numbers in the locale (4 decimals, as the export), null as a dash. */
export function cellText(cell: InsightCell, locale: string): string {
  if (cell === null) return NONE;
  return typeof cell === 'number' ? formatNumber(cell, locale, 4) : cell;
}

/** The language of table words (and of an export) for a UI locale: English or else Chinese. */
export const tableLang = (locale: string): InsightTableLang => (locale === 'en' ? 'en' : 'zh-CN');

/** A column header in the UI's language. */
export const columnTitle = (column: InsightColumn, locale: string): string => (locale === 'en' ? column.en : column.zh);

export type BalanceVerdict = 'good' | 'pass' | 'over' | 'none';

/**
 * The national review's line for the schools in scope: junior secondary (and nine-year schools,
 * which include it) must stay within 0.45, primary-only scopes within 0.50.
 */
export function nationalLine(stages: readonly string[]): number {
  return stages.some((s) => s === 'junior' || s === 'nine_year')
    ? BALANCE_THRESHOLDS.junior
    : BALANCE_THRESHOLDS.primary;
}

/** Too few schools count for a coefficient of variation (a school admin's one school): no verdict, a message. */
export const tooFewForBalance = (schools: number): boolean => schools < BALANCE_MIN_SCHOOLS;

/** ≤ 0.28 good (优质均衡), ≤ the national line pass, above it over; none when no coefficient. */
export function balanceVerdict(cv: number | null, line: number): BalanceVerdict {
  if (cv === null || !Number.isFinite(cv)) return 'none';
  if (cv <= BALANCE_THRESHOLDS.good) return 'good';
  return cv <= line ? 'pass' : 'over';
}

/** Link quality limits of the live view: red above these. */
export const LINK_LIMITS = { lossPct: 5, rttMs: 300 } as const;

export interface LinkBadges {
  lossBad: boolean;
  rttBad: boolean;
}

/** Red badges for a link (its figures are fresh: the server drops a node's report 15 s after its last). */
export function linkBadges(link: LinkStatsView): LinkBadges {
  return {
    lossBad: (link.lossPct ?? 0) > LINK_LIMITS.lossPct,
    rttBad: (link.rttMs ?? 0) > LINK_LIMITS.rttMs,
  };
}
