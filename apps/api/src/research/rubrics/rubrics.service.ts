import { Injectable } from '@nestjs/common';
import { ErrorCode, Role, type createRubricSchema, type RubricView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { notFound } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import { ResearchActivityRepository } from '../activities/research-activity.repository';
import { EvaluationRepository } from '../evaluations/evaluation.repository';
import { ResearchGroupRepository } from '../groups/research-group.repository';
import { RubricCatalog } from './rubric.catalog';
import { RubricRepository } from './rubric.repository';
import { BUILT_IN_RUBRIC, DEFAULT_RUBRIC_ID, rubricView } from './rubric.views';

type CreateRubric = z.output<typeof createRubricSchema>;

/**
 * Rubrics (课堂教学评价表): everyone of a community lists the built-in rubric and the community's;
 * community admins, research officers and research group leads add rubrics; their creators and
 * community admins delete them while no evaluation uses them.
 */
@Injectable()
export class RubricsService {
  constructor(
    private readonly catalog: RubricCatalog,
    private readonly rubrics: RubricRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly groups: ResearchGroupRepository,
    private readonly activities: ResearchActivityRepository,
  ) {}

  list(user: User): Promise<RubricView[]> {
    return this.catalog.list(user.communityId);
  }

  async get(user: User, id: string): Promise<RubricView> {
    const own = user.communityId ? await this.catalog.find(user.communityId, id) : null;
    const rubric = id === DEFAULT_RUBRIC_ID ? BUILT_IN_RUBRIC : own;
    if (!rubric) throw notFound('rubric', id);
    return rubric;
  }

  async create(user: User, body: CreateRubric): Promise<RubricView> {
    const communityId = await this.authorCommunity(user);
    const doc = await this.rubrics.create(communityId, {
      name: body.name,
      dimensions: body.dimensions,
      createdBy: user._id,
    });
    return rubricView(doc);
  }

  async remove(user: User, id: string): Promise<void> {
    if (id === DEFAULT_RUBRIC_ID) throw new AppError(ErrorCode.FORBIDDEN, 'the built-in rubric cannot be deleted');
    const rubric =
      user.communityId && /^[0-9a-f]{24}$/.test(id)
        ? await this.rubrics.findOne(user.communityId, new Types.ObjectId(id))
        : null;
    if (!rubric) throw notFound('rubric', id);
    if (!rubric.createdBy.equals(user._id) && !user.roles.includes(Role.COMMUNITY_ADMIN)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'only its creator and community admins may delete a rubric');
    }
    if (await this.evaluations.usesRubric(rubric.communityId, id)) {
      throw new AppError(ErrorCode.CONFLICT, 'the rubric is used by evaluations and cannot be deleted');
    }
    if ((await this.activities.count(rubric.communityId, { rubricId: id })) > 0) {
      throw new AppError(ErrorCode.CONFLICT, 'the rubric is chosen by research activities and cannot be deleted');
    }
    await this.rubrics.delete(rubric.communityId, rubric._id);
  }

  /** The caller's community if they may add rubrics to it (403 otherwise). */
  private async authorCommunity(user: User): Promise<Types.ObjectId> {
    const communityId = user.communityId;
    if (communityId) {
      if (user.roles.includes(Role.COMMUNITY_ADMIN) || user.roles.includes(Role.RESEARCH_OFFICER)) return communityId;
      const leads = await this.groups.count(communityId, { leadId: user._id });
      if (leads > 0) return communityId;
    }
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'only community admins, research officers and research group leads may create rubrics',
    );
  }
}
