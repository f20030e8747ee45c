import { Module } from '@nestjs/common';
import { ResearchAccessModule } from './access/research-access.module';

/**
 * Teaching research (名师课堂): research groups and studios, co-planned lesson plans (Yjs over the
 * /collab namespace), research activities, rubrics, evaluations and online research meetings.
 */
@Module({
  imports: [ResearchAccessModule],
})
export class ResearchModule {}
