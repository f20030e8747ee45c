import type { BalanceIndicator, InsightExportFormat, InsightScopeView, InsightTable } from '@tongke/contracts';
import { DateTime } from 'luxon';

// Names of the export files, saying what they hold: the table, the balance indicator, the scope
// and the date range — or, for the live table (lessons live now), the time of the export.

/** How many trailing hex digits of an id name a community or school in a file name. */
const SHORT_ID = 8;

/** `district`, `community-<id…>` or `school-<id…>` (the id's last SHORT_ID hex digits). */
export function exportScopeLabel(scope: Pick<InsightScopeView, 'level' | 'communityId' | 'schoolId'>): string {
  const id = scope.level === 'school' ? scope.schoolId : scope.level === 'community' ? scope.communityId : undefined;
  return id ? `${scope.level}-${id.slice(-SHORT_ID).toLowerCase()}` : 'district';
}

export interface ExportFileName {
  table: InsightTable;
  format: InsightExportFormat;
  scope: Pick<InsightScopeView, 'level' | 'communityId' | 'schoolId'>;
  /** The balance table's indicator. */
  indicator?: BalanceIndicator;
  /** The range of the statistics tables. */
  range?: { from: string; to: string };
  /** The live table's time (ISO) and the zone it is written in. */
  at?: { iso: string; zone: string };
}

/**
 * `tongke-insight-<table>[-<indicator>]-<scope>-<from>_<to>.<format>` for the statistics tables,
 * `tongke-insight-live-<scope>-<yyyy-MM-ddTHHmm>.<format>` (local time of the export) for the live one.
 */
export function exportFileName(f: ExportFileName): string {
  const when = f.at
    ? DateTime.fromISO(f.at.iso, { zone: f.at.zone }).toFormat("yyyy-MM-dd'T'HHmm")
    : `${f.range?.from}_${f.range?.to}`;
  const parts = ['tongke-insight', f.table, ...(f.indicator ? [f.indicator] : []), exportScopeLabel(f.scope), when];
  return `${parts.join('-')}.${f.format}`;
}
