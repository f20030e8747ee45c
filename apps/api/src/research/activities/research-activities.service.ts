import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type createActivitySchema,
  type reflectionSchema,
  type ResearchActivityView,
  type updateActivitySchema,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { activityFactKey } from '../../insight/signals/insight-signal.keys';
import { InsightSignals } from '../../insight/signals/insight-signals.service';
import { badReference } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess, type ReadableGroup } from '../access/research-access.service';
import { EvaluationRepository } from '../evaluations/evaluation.repository';
import { TimedCommentRepository } from '../evaluations/timed-comment.repository';
import type { ResearchGroup } from '../groups/research-group.schema';
import { LessonPlanRepository } from '../plans/lesson-plan.repository';
import { RubricCatalog } from '../rubrics/rubric.catalog';
import { ActivityAccess } from './activity-access.service';
import { ActivitySessionLinks, type StartLessonBody } from './activity-session-links.service';
import { ActivityViewsService } from './activity-views.service';
import type { ListActivitiesQuery } from './dto/list-activities.query';
import { ResearchActivityRepository } from './research-activity.repository';
import type { ResearchActivity } from './research-activity.schema';

export type CreateActivityBody = z.output<typeof createActivitySchema>;
export type UpdateActivityBody = z.output<typeof updateActivitySchema>;
export type ReflectionBody = z.output<typeof reflectionSchema>;

const oid = (id: string) => new Types.ObjectId(id);

/** The reflection the client loaded: its time, none (null), or no check (undefined: last writer wins). */
const baseOf = (body: ReflectionBody): Date | null | undefined =>
  body.baseAt === undefined || body.baseAt === null ? body.baseAt : new Date(body.baseAt);

/** Research activities (一课双研 / 网络教研): listing, creating, changing, reflecting. */
@Injectable()
export class ResearchActivitiesService {
  constructor(
    private readonly research: ResearchAccess,
    private readonly access: ActivityAccess,
    private readonly activities: ResearchActivityRepository,
    private readonly plans: LessonPlanRepository,
    private readonly rubrics: RubricCatalog,
    private readonly evaluations: EvaluationRepository,
    private readonly comments: TimedCommentRepository,
    private readonly links: ActivitySessionLinks,
    private readonly views: ActivityViewsService,
    private readonly signals: InsightSignals,
  ) {}

  /**
   * The group's activities (readers of the group), or those of every group the caller may read
   * (their community's, and the district's others they are a member of), by planned time.
   */
  async list(user: User, query: ListActivitiesQuery): Promise<ResearchActivityView[]> {
    const readable = query.groupId
      ? [await this.research.group(user, oid(query.groupId))]
      : await this.access.readableGroups(user);
    const byCommunity = new Map<string, ReadableGroup[]>();
    for (const r of readable) {
      const key = r.group.communityId.toHexString();
      byCommunity.set(key, [...(byCommunity.get(key) ?? []), r]);
    }
    const views = await Promise.all([...byCommunity.values()].map((rs) => this.listIn(user, rs, query)));
    return views.flat().sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));
  }

  /** The activities of readable groups of one community. */
  private async listIn(
    user: User,
    readable: ReadableGroup[],
    query: ListActivitiesQuery,
  ): Promise<ResearchActivityView[]> {
    const groups = readable.map((r) => r.group);
    const found = await this.activities.list(groups[0].communityId, {
      groupIds: groups.map((g) => g._id),
      ...(query.from && { from: new Date(query.from) }),
      ...(query.to && { to: new Date(query.to) }),
      ...(query.topic !== undefined && { topic: query.topic.trim() }),
    });
    const manages = new Map(readable.map((r) => [r.group._id.toString(), r.access.manage]));
    const canManage = (a: ResearchActivity) =>
      a.teacherId.equals(user._id) || manages.get(a.groupId.toString()) === true;
    return this.views.toViews(found, groups, canManage);
  }

  async get(user: User, id: Types.ObjectId): Promise<ResearchActivityView> {
    const { activity, group, canManage } = await this.access.activity(user, id);
    return this.views.toView(activity, group, canManage);
  }

  /** A group lead or member creates an activity; its teacher must be a lead or member of the group. */
  async create(user: User, body: CreateActivityBody): Promise<ResearchActivityView> {
    const { group, access } = await this.research.editableGroup(user, oid(body.groupId));
    const teacherId = body.teacherId ? oid(body.teacherId) : user._id;
    this.assertTeacher(group, teacherId, 'teacherId');
    if (body.planId) await this.assertPlan(group, oid(body.planId));
    if (body.rubricId) await this.assertRubric(group, body.rubricId);
    const now = new Date();
    const activity = await this.activities.create(group.communityId, {
      groupId: group._id,
      kind: body.kind,
      title: body.title,
      topic: body.topic,
      subject: body.subject,
      grade: body.grade,
      teacherId,
      plannedAt: new Date(body.plannedAt),
      ...(body.planId && { planId: oid(body.planId), planLinkedAt: now }),
      ...(body.rubricId && { rubricId: body.rubricId }),
      createdBy: user._id,
    });
    await this.signals.changed([activityFactKey(activity._id.toHexString())]);
    // The same rule as ActivityAccess: its teacher, or someone who manages the group.
    return this.views.toView(activity, group, teacherId.equals(user._id) || access.manage);
  }

  /** Its teacher, the group lead or an admin links the plan, the lesson, the rubric, or moves the date. */
  async update(user: User, id: Types.ObjectId, body: UpdateActivityBody): Promise<ResearchActivityView> {
    const { activity, group, canManage } = await this.access.managed(user, id);
    const set: Partial<ResearchActivity> = {
      title: body.title,
      topic: body.topic,
      ...(body.plannedAt && { plannedAt: new Date(body.plannedAt) }),
      rubricId: body.rubricId,
    };
    const unset: string[] = [];
    if (body.rubricId) await this.assertRubric(group, body.rubricId);
    if (body.rubricId && body.rubricId !== (activity.rubricId ?? 'default')) await this.assertNotEvaluated(activity);
    if (body.planId === null) unset.push('planId', 'planLinkedAt');
    if (body.planId && !activity.planId?.equals(body.planId)) {
      await this.assertPlan(group, oid(body.planId));
      Object.assign(set, { planId: oid(body.planId), planLinkedAt: new Date() });
    }
    if (body.sessionId === null) {
      await this.links.assertRelinkable(activity, null);
      unset.push('sessionId');
    }
    if (body.sessionId) {
      set.sessionId = await this.links.assertLinkable(activity, oid(body.sessionId));
      await this.links.assertRelinkable(activity, set.sessionId);
    }
    const updated = await this.activities.update(group.communityId, id, set, unset);
    if (!updated) throw new AppError(ErrorCode.NOT_FOUND, `no research activity ${id.toString()}`);
    await this.signals.changed([activityFactKey(id.toHexString())]);
    return this.views.toView(updated, group, canManage);
  }

  /**
   * Deletes an activity nobody has submitted an evaluation of (409 otherwise: the evaluations belong
   * to it), with its timed comments and the evaluation drafts of it.
   */
  async remove(user: User, id: Types.ObjectId): Promise<void> {
    const { activity, group } = await this.access.managed(user, id);
    const evaluated = await this.evaluations.count(group.communityId, { activityId: activity._id, submitted: true });
    if (evaluated > 0) {
      throw new AppError(ErrorCode.CONFLICT, `the activity has ${evaluated} evaluation(s) and cannot be deleted`);
    }
    await this.activities.delete(group.communityId, id);
    await this.comments.deleteByActivity(group.communityId, id);
    await this.evaluations.deleteByActivity(group.communityId, id);
    await this.signals.changed([activityFactKey(id.toHexString())]);
  }

  /** 课后返研: the activity's teacher or the group lead saves the reflection. */
  async reflect(user: User, id: Types.ObjectId, body: ReflectionBody): Promise<ResearchActivityView> {
    const { group, isTeacher, isLead, canManage } = await this.access.activity(user, id);
    if (!isTeacher && !isLead) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        "only the activity's teacher and the group lead may write the reflection",
      );
    }
    const reflection = { text: body.text, byId: user._id, at: new Date() };
    const updated = await this.activities.saveReflection(group.communityId, id, reflection, baseOf(body));
    if (!updated) {
      throw new AppError(
        ErrorCode.CONFLICT,
        'the reflection was changed by someone else since you loaded it: reload it and save again',
      );
    }
    return this.views.toView(updated, group, canManage);
  }

  /** The activity's teacher starts its lesson now and links it (see ActivitySessionLinks.startLesson). */
  async startLesson(user: User, id: Types.ObjectId, body: StartLessonBody): Promise<ResearchActivityView> {
    const found = await this.access.activity(user, id);
    const linked = await this.links.startLesson(user, found, body);
    return this.views.toView(linked, found.group, found.canManage);
  }

  private assertTeacher(group: ResearchGroup, teacherId: Types.ObjectId, field: string): void {
    const member = group.members.find((m) => m.userId.equals(teacherId));
    const teaches = group.leadId.equals(teacherId) || member?.role === 'lead' || member?.role === 'member';
    if (!teaches) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `${field} ${teacherId.toString()} is not a lead or member of the group`,
      );
    }
  }

  private async assertPlan(group: ResearchGroup, planId: Types.ObjectId): Promise<void> {
    const plan = await this.plans.findOne(group.communityId, planId);
    if (!plan?.groupId.equals(group._id)) {
      throw new AppError(ErrorCode.BAD_REQUEST, `planId ${planId.toString()} is not a lesson plan of this group`);
    }
  }

  private async assertRubric(group: ResearchGroup, rubricId: string): Promise<void> {
    if (!(await this.rubrics.find(group.communityId, rubricId))) throw badReference('rubricId', rubricId, 'a rubric');
  }

  /** 409 once anyone has scored the activity: its evaluations are against its rubric. */
  private async assertNotEvaluated(activity: ResearchActivity): Promise<void> {
    const evaluated = await this.evaluations.findByActivity(activity.communityId, activity._id);
    if (evaluated.length > 0) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `the activity has ${evaluated.length} evaluation(s) against its rubric: the rubric can no longer change`,
      );
    }
  }
}
