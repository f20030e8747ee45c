import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type CreateCommentRequest,
  type PlanCommentView,
  type ReplyCommentRequest,
  type ResolveCommentRequest,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { found } from '../../org/shared/found';
import { ResearchPeople } from '../access/research-people.service';
import { ResearchAccess } from '../access/research-access.service';
import { badAnchors } from './comment-anchor';
import { PlanCommentRepository } from './plan-comment.repository';
import type { PlanComment } from './plan-comment.schema';
import { toPlanCommentView } from './plan-comment.views';

export type CreateCommentBody = Required<CreateCommentRequest>;

/** Inline comments on lesson plans: every reader of a plan (observers too) comments and replies. */
@Injectable()
export class PlanCommentsService {
  constructor(
    private readonly comments: PlanCommentRepository,
    private readonly access: ResearchAccess,
    private readonly people: ResearchPeople,
  ) {}

  async list(user: User, planId: Types.ObjectId): Promise<PlanCommentView[]> {
    const { plan } = await this.access.plan(user, planId);
    return this.views(plan.communityId, await this.comments.findByPlan(plan.communityId, planId));
  }

  async create(user: User, planId: Types.ObjectId, body: CreateCommentBody): Promise<PlanCommentView> {
    const { plan } = await this.access.plan(user, planId);
    const bad = badAnchors(body);
    if (bad.length) {
      throw new AppError(ErrorCode.BAD_REQUEST, `${bad.join(' and ')}: not an encoded Yjs relative position`);
    }
    const comment = await this.comments.create(plan.communityId, {
      planId,
      section: body.section,
      anchorStart: body.anchorStart,
      anchorEnd: body.anchorEnd,
      quote: body.quote,
      text: body.text,
      authorId: user._id,
      resolved: false,
      replies: [],
    });
    return (await this.views(plan.communityId, [comment]))[0];
  }

  async reply(
    user: User,
    planId: Types.ObjectId,
    id: Types.ObjectId,
    body: ReplyCommentRequest,
  ): Promise<PlanCommentView> {
    const { plan } = await this.access.plan(user, planId);
    found(await this.comments.findOfPlan(plan.communityId, planId, id), 'comment', id);
    const reply = { _id: new Types.ObjectId(), authorId: user._id, text: body.text, createdAt: new Date() };
    const updated = found(await this.comments.addReply(plan.communityId, id, reply), 'comment', id);
    return (await this.views(plan.communityId, [updated]))[0];
  }

  /** Resolves or reopens a comment: its author or an editor of the plan. */
  async resolve(
    user: User,
    planId: Types.ObjectId,
    id: Types.ObjectId,
    body: ResolveCommentRequest,
  ): Promise<PlanCommentView> {
    const { plan, planAccess } = await this.access.plan(user, planId);
    const comment = found(await this.comments.findOfPlan(plan.communityId, planId, id), 'comment', id);
    if (planAccess !== 'edit' && !comment.authorId.equals(user._id)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'only the comment’s author or the plan’s editors may resolve it');
    }
    const updated = found(await this.comments.update(plan.communityId, id, { resolved: body.resolved }), 'comment', id);
    return (await this.views(plan.communityId, [updated]))[0];
  }

  private async views(communityId: Types.ObjectId, comments: PlanComment[]): Promise<PlanCommentView[]> {
    const directory = await this.people.ofCommunity(communityId);
    return comments.map((c) => toPlanCommentView(c, directory));
  }
}
