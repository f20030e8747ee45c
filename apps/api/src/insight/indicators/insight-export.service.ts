import { Injectable, StreamableFile } from '@nestjs/common';
import {
  balanceTable,
  coverageTable,
  ErrorCode,
  type InsightScopeView,
  type InsightTable,
  type InsightTableData,
  libraryTable,
  liveTable,
  overviewTable,
  schoolsTable,
  trendTable,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { contentDisposition } from '../../live/content-disposition';
import type { User } from '../../org/schemas/user.schema';
import { LiveOpsService } from '../live/live-ops.service';
import { InsightScopeResolver } from '../scope/insight-scope.resolver';
import { type ExportFileName, exportFileName } from './calculators/export-file-name.calculator';
import { scopeView } from './calculators/scope-view.calculator';
import type { InsightExportQueryDto } from './dto/insight-export-query.dto';
import { InsightService } from './insight.service';
import { EXPORT_CONTENT_TYPES, tableCsv, tableXlsx } from './insight-table.writer';

/** Zone of the live table's file name when the scope holds no community. */
const FALLBACK_ZONE = 'UTC';

/** A table's rows and what its file name says (everything but the table and format). */
type ExportedTable = { data: InsightTableData; name: Omit<ExportFileName, 'table' | 'format'> };

/**
 * Every dashboard table as a CSV or XLSX download: the same view the JSON endpoint answers, turned
 * into rows by the contracts' table builders in the export's language (so the file holds exactly
 * what the table view shows), named after the table, scope and range (see exportFileName).
 */
@Injectable()
export class InsightExportService {
  constructor(
    private readonly insight: InsightService,
    private readonly liveOps: LiveOpsService,
    private readonly scopes: InsightScopeResolver,
  ) {}

  async export(user: User, table: InsightTable, q: InsightExportQueryDto): Promise<StreamableFile> {
    const { data, name } = await this.table(user, table, q);
    const format = q.format ?? 'csv';
    const lang = q.lang ?? 'zh-CN';
    const file = format === 'csv' ? tableCsv(data, lang) : await tableXlsx(data, lang, table);
    return new StreamableFile(file, {
      type: EXPORT_CONTENT_TYPES[format],
      disposition: contentDisposition(exportFileName({ ...name, table, format })),
      length: file.length,
    });
  }

  /** The table's rows, built from its view, and its file name's parts. */
  async table(user: User, table: InsightTable, q: InsightExportQueryDto): Promise<ExportedTable> {
    const lang = q.lang ?? 'zh-CN';
    const range = { from: q.from, to: q.to };
    const of = (view: { scope: InsightScopeView }, data: InsightTableData): ExportedTable => ({
      data,
      name: { scope: view.scope, range },
    });
    switch (table) {
      case 'overview': {
        const v = await this.insight.overview(user, q);
        return of(v, overviewTable(v, lang));
      }
      case 'schools': {
        const v = await this.insight.schools(user, q);
        return of(v, schoolsTable(v, lang));
      }
      case 'coverage': {
        const v = await this.insight.coverage(user, q);
        return of(v, coverageTable(v, lang));
      }
      case 'trend': {
        const v = await this.insight.trend(user, q);
        return of(v, trendTable(v, lang));
      }
      case 'library': {
        const v = await this.insight.library(user, q);
        return of(v, libraryTable(v, lang));
      }
      case 'balance':
        return this.balance(user, q);
      case 'live':
        return this.live(user, q);
    }
  }

  private async balance(user: User, q: InsightExportQueryDto): Promise<ExportedTable> {
    const { indicator } = q;
    if (!indicator) throw new AppError(ErrorCode.BAD_REQUEST, 'the balance table needs an indicator');
    const v = await this.insight.balance(user, { ...q, indicator });
    return {
      data: balanceTable(v, q.lang ?? 'zh-CN'),
      name: { scope: v.scope, indicator, range: { from: q.from, to: q.to } },
    };
  }

  /** Lessons live now; the file is named by the export time in the (first) community's zone. */
  private async live(user: User, q: InsightExportQueryDto): Promise<ExportedTable> {
    const scope = await this.scopes.resolve(user, q);
    const v = await this.liveOps.view(scope);
    const zone = scope.communities[0]?.timeZone ?? FALLBACK_ZONE;
    return {
      data: liveTable(v, q.lang ?? 'zh-CN'),
      name: { scope: scopeView(scope, q.from, q.to), at: { iso: v.at, zone } },
    };
  }
}
