import { Injectable } from '@nestjs/common';
import type { RubricView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { RubricRepository } from './rubric.repository';
import { BUILT_IN_RUBRIC, DEFAULT_RUBRIC_ID, rubricView } from './rubric.views';

/**
 * Rubrics by id for one community: the built-in `default` and the community's own. Other
 * research parts (activities, evaluations) resolve an activity's rubric here.
 */
@Injectable()
export class RubricCatalog {
  constructor(private readonly rubrics: RubricRepository) {}

  /** The rubric, or null for unknown ids and rubrics of another community. */
  async find(communityId: Types.ObjectId, rubricId: string | undefined): Promise<RubricView | null> {
    const id = rubricId ?? DEFAULT_RUBRIC_ID;
    if (id === DEFAULT_RUBRIC_ID) return BUILT_IN_RUBRIC;
    if (!Types.ObjectId.isValid(id) || !/^[0-9a-f]{24}$/.test(id)) return null;
    const doc = await this.rubrics.findOne(communityId, new Types.ObjectId(id));
    return doc ? rubricView(doc) : null;
  }

  /** The built-in rubric and the community's own (oldest first). */
  async list(communityId: Types.ObjectId | undefined): Promise<RubricView[]> {
    const own = communityId ? await this.rubrics.findByCommunity(communityId) : [];
    return [BUILT_IN_RUBRIC, ...own.map(rubricView)];
  }
}
