import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { InsightDayTotal } from './insight-day-total.schema';
import { InsightTotalsRepository } from './insight-totals.repository';

/** The `insight_day_totals` collection (cumulative month-to-day counters per community). */
@Injectable()
export class InsightDayTotalRepository extends InsightTotalsRepository<InsightDayTotal> {
  constructor(@InjectModel(InsightDayTotal.name) model: Model<InsightDayTotal>) {
    super(model);
  }
}
