import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Term } from '../schemas/term.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class TermRepository extends TenantRepository<Term> {
  constructor(@InjectModel(Term.name) model: Model<Term>) {
    super(model, 'startsOn');
  }
}
