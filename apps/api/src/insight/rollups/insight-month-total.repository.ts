import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { InsightMonthTotal } from './insight-month-total.schema';
import { InsightTotalsRepository } from './insight-totals.repository';

/** The `insight_month_totals` collection (month counters per community). */
@Injectable()
export class InsightMonthTotalRepository extends InsightTotalsRepository<InsightMonthTotal> {
  constructor(@InjectModel(InsightMonthTotal.name) model: Model<InsightMonthTotal>) {
    super(model);
  }
}
