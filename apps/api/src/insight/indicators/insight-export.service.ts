import { Injectable, StreamableFile } from '@nestjs/common';
import {
  balanceTable,
  coverageTable,
  ErrorCode,
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
import type { InsightExportQueryDto } from './dto/insight-export-query.dto';
import { InsightService } from './insight.service';
import { EXPORT_CONTENT_TYPES, tableCsv, tableXlsx } from './insight-table.writer';

/**
 * Every dashboard table as a CSV or XLSX download: the same view the JSON endpoint answers, turned
 * into rows by the contracts' table builders (so the file holds exactly what the table view shows).
 */
@Injectable()
export class InsightExportService {
  constructor(
    private readonly insight: InsightService,
    private readonly liveOps: LiveOpsService,
    private readonly scopes: InsightScopeResolver,
  ) {}

  async export(user: User, table: InsightTable, q: InsightExportQueryDto): Promise<StreamableFile> {
    const data = await this.table(user, table, q);
    const format = q.format ?? 'csv';
    const lang = q.lang ?? 'zh-CN';
    const file = format === 'csv' ? tableCsv(data, lang) : await tableXlsx(data, lang, table);
    return new StreamableFile(file, {
      type: EXPORT_CONTENT_TYPES[format],
      disposition: contentDisposition(`tongke-insight-${table}-${q.from}_${q.to}.${format}`),
      length: file.length,
    });
  }

  /** The table's rows, built from its view. */
  async table(user: User, table: InsightTable, q: InsightExportQueryDto): Promise<InsightTableData> {
    switch (table) {
      case 'overview':
        return overviewTable(await this.insight.overview(user, q));
      case 'schools':
        return schoolsTable(await this.insight.schools(user, q));
      case 'coverage':
        return coverageTable(await this.insight.coverage(user, q));
      case 'trend':
        return trendTable(await this.insight.trend(user, q));
      case 'library':
        return libraryTable(await this.insight.library(user, q));
      case 'balance': {
        const { indicator } = q;
        if (!indicator) throw new AppError(ErrorCode.BAD_REQUEST, 'the balance table needs an indicator');
        return balanceTable(await this.insight.balance(user, { ...q, indicator }));
      }
      case 'live':
        return liveTable(await this.liveOps.view(await this.scopes.resolve(user, q)));
    }
  }
}
