import { Injectable } from '@nestjs/common';
import type { ResearchActivityView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import type { LiveSession } from '../../live/schemas/live-session.schema';
import type { PeopleLookup } from '../access/district-people.directory';
import { ResearchPeople } from '../access/research-people.service';
import { EvaluationRepository } from '../evaluations/evaluation.repository';
import { personRef } from '../groups/research-group.views';
import type { ResearchGroup } from '../groups/research-group.schema';
import { LessonPlanRepository } from '../plans/lesson-plan.repository';
import type { LessonPlan } from '../plans/lesson-plan.schema';
import { activityTimeline, type TimelineFacts } from './activity-timeline';
import type { ResearchActivity } from './research-activity.schema';

/** What the views of a batch of activities (all of one community) are made from. */
interface ViewContext {
  directory: PeopleLookup;
  groups: Map<string, ResearchGroup>;
  plans: Map<string, LessonPlan>;
  sessions: Map<string, LiveSession>;
  evaluations: Map<string, { count: number; lastAt?: Date }>;
}

const byId = <T extends { _id: Types.ObjectId }>(docs: T[]) => new Map(docs.map((d) => [d._id.toString(), d]));
const ids = (list: (Types.ObjectId | undefined)[]) => list.filter((id): id is Types.ObjectId => id !== undefined);

/** The facts of the activity's timeline (see activityTimeline). */
function timelineFacts(
  a: ResearchActivity,
  plan: LessonPlan | undefined,
  session: LiveSession | undefined,
  evaluations: { count: number; lastAt?: Date },
): TimelineFacts {
  return {
    ...(plan && { plan: { title: plan.title, ...(a.planLinkedAt && { linkedAt: a.planLinkedAt }) } }),
    ...(session && {
      session: {
        status: session.status,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        record: session.record !== false,
        resourceId: session.resourceId?.toString(),
      },
    }),
    evaluations,
    ...(a.reflection && { reflection: { at: a.reflection.at } }),
  };
}

/**
 * Turns stored activities into the views clients get: names, the plan's title, the linked
 * session's status and recording, the number of submitted evaluations and the stage timeline.
 */
@Injectable()
export class ActivityViewsService {
  constructor(
    private readonly people: ResearchPeople,
    private readonly plans: LessonPlanRepository,
    private readonly sessions: LiveSessionRepository,
    private readonly evaluations: EvaluationRepository,
  ) {}

  /** One activity, with the time of the latest submitted evaluation. */
  async toView(activity: ResearchActivity, group: ResearchGroup, canManage: boolean): Promise<ResearchActivityView> {
    const submitted = (await this.evaluations.findByActivity(activity.communityId, activity._id)).filter(
      (e) => e.submitted,
    );
    const lastAt = submitted.reduce<Date | undefined>(
      (latest, e) => (e.submittedAt && (!latest || e.submittedAt > latest) ? e.submittedAt : latest),
      undefined,
    );
    const ctx = await this.context([activity], [group]);
    ctx.evaluations.set(activity._id.toString(), { count: submitted.length, ...(lastAt && { lastAt }) });
    return this.view(activity, ctx, canManage);
  }

  /** Activities of one community; `canManage` tells per activity whether the caller may change it. */
  async toViews(
    activities: ResearchActivity[],
    groups: ResearchGroup[],
    canManage: (a: ResearchActivity) => boolean,
  ): Promise<ResearchActivityView[]> {
    if (activities.length === 0) return [];
    const ctx = await this.context(activities, groups);
    const counts = await this.evaluations.countSubmitted(
      activities[0].communityId,
      activities.map((a) => a._id),
    );
    for (const [id, count] of counts) ctx.evaluations.set(id, { count });
    return activities.map((a) => this.view(a, ctx, canManage(a)));
  }

  private async context(activities: ResearchActivity[], groups: ResearchGroup[]): Promise<ViewContext> {
    const communityId = activities[0].communityId;
    const sessionIds = ids(activities.map((a) => a.sessionId));
    const [directory, plans, sessions] = await Promise.all([
      this.people.ofCommunity(communityId),
      this.plans.findByIds(communityId, ids(activities.map((a) => a.planId))),
      Promise.all(sessionIds.map((id) => this.sessions.findById(communityId, id))),
    ]);
    return {
      directory,
      groups: byId(groups),
      plans: byId(plans),
      sessions: byId(sessions.filter((s): s is LiveSession => s !== null)),
      evaluations: new Map(),
    };
  }

  private view(a: ResearchActivity, ctx: ViewContext, canManage: boolean): ResearchActivityView {
    const plan = a.planId ? ctx.plans.get(a.planId.toString()) : undefined;
    const session = a.sessionId ? ctx.sessions.get(a.sessionId.toString()) : undefined;
    const evaluations = ctx.evaluations.get(a._id.toString()) ?? { count: 0 };
    const resourceId = session ? session.resourceId?.toString() : undefined;
    return {
      id: a._id.toString(),
      communityId: a.communityId.toString(),
      groupId: a.groupId.toString(),
      groupName: ctx.groups.get(a.groupId.toString())?.name ?? '',
      kind: a.kind,
      title: a.title,
      topic: a.topic ?? '',
      subject: a.subject,
      grade: a.grade,
      teacher: personRef(ctx.directory, a.teacherId),
      plannedAt: a.plannedAt.toISOString(),
      ...(plan && { planId: plan._id.toString(), planTitle: plan.title }),
      ...(session && { sessionId: session._id.toString(), sessionStatus: session.status }),
      ...(resourceId && { resourceId }),
      ...(a.rubricId && { rubricId: a.rubricId }),
      evaluationCount: evaluations.count,
      ...(a.reflection && {
        reflection: {
          text: a.reflection.text,
          by: personRef(ctx.directory, a.reflection.byId),
          at: a.reflection.at.toISOString(),
        },
      }),
      stages: activityTimeline(timelineFacts(a, plan, session, evaluations)),
      canManage,
      createdAt: (a.createdAt ?? new Date()).toISOString(),
    };
  }
}
