import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Pairing } from '../schemas/pairing.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class PairingRepository extends TenantRepository<Pairing> {
  constructor(@InjectModel(Pairing.name) model: Model<Pairing>) {
    super(model, 'since');
  }
}
