import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RubricCatalog } from './rubric.catalog';
import { RubricRepository } from './rubric.repository';
import { Rubric, RubricSchema } from './rubric.schema';

/** The rubrics collection and the catalog (built-in + community rubrics) other research modules resolve rubrics with. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Rubric.name, schema: RubricSchema }])],
  providers: [RubricRepository, RubricCatalog],
  exports: [RubricRepository, RubricCatalog],
})
export class RubricStoreModule {}
