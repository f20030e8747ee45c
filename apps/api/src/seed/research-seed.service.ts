import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_RUBRIC, planDocId } from '@tongke/contracts';
import { encodePlanContent } from '@tongke/contracts/research/plan-doc';
import { Types } from 'mongoose';
import { LiveSessionRepository } from '../live/repositories/live-session.repository';
import type { NewLiveSession } from '../live/repositories/live-session.repository';
import { ResearchActivityRepository } from '../research/activities/research-activity.repository';
import { CollabDocuments } from '../research/collab/collab-documents.service';
import { EvaluationRepository } from '../research/evaluations/evaluation.repository';
import { TimedCommentRepository } from '../research/evaluations/timed-comment.repository';
import { ResearchGroupRepository } from '../research/groups/research-group.repository';
import { LessonPlanRepository } from '../research/plans/lesson-plan.repository';
import { DEMO_CLASSROOMS, DEMO_COMMUNITY } from './demo-district.data';
import {
  DEMO_RESEARCH_ACTIVITIES,
  DEMO_RESEARCH_GROUP,
  DEMO_RESEARCH_MEETING,
  DEMO_RESEARCH_PLANS,
  DEMO_RESEARCH_SESSIONS,
  type DemoActivity,
} from './demo-research.data';

const DAY_MS = 24 * 3600 * 1000;
const ITEM_KEYS = DEFAULT_RUBRIC.dimensions.flatMap((d) => d.items.map((i) => i.key));
const TOPIC = '草原放牧';
const community = DEMO_COMMUNITY._id;
const lesson = { subject: 'music' as const, grade: 4 };

/** An id derived from a seeded one (evaluations and comments of an activity). */
const derived = (base: Types.ObjectId, n: number) =>
  new Types.ObjectId(
    `${base.toHexString().slice(0, 18)}${(parseInt(base.toHexString().slice(18), 16) * 16 + n).toString(16).padStart(6, '0')}`,
  );

/**
 * Seeds the demo research studio (demo-research.data.ts) with fixed ids: the group, two plans (Yjs
 * documents), two ended recorded lessons, their 一课双研 activities with evaluations and timestamped
 * comments, and a planned 网络教研. The meeting activity is written last: when it exists, all is there.
 */
@Injectable()
export class ResearchSeedService {
  private readonly logger = new Logger(ResearchSeedService.name);

  constructor(
    private readonly groups: ResearchGroupRepository,
    private readonly plans: LessonPlanRepository,
    private readonly documents: CollabDocuments,
    private readonly sessions: LiveSessionRepository,
    private readonly activities: ResearchActivityRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly comments: TimedCommentRepository,
  ) {}

  async ensure(now = new Date()): Promise<void> {
    if (await this.activities.findOne(community, DEMO_RESEARCH_MEETING._id)) return;
    await this.seedGroup(now);
    for (const plan of DEMO_RESEARCH_PLANS) await this.seedPlan(plan);
    for (const s of DEMO_RESEARCH_SESSIONS) await this.seedSession(s, now);
    for (const a of DEMO_RESEARCH_ACTIVITIES) await this.seedActivity(a);
    await this.activities.upsert({
      _id: DEMO_RESEARCH_MEETING._id,
      communityId: community,
      groupId: DEMO_RESEARCH_GROUP._id,
      kind: 'meeting',
      title: DEMO_RESEARCH_MEETING.title,
      topic: '让我们荡起双桨',
      ...lesson,
      teacherId: DEMO_RESEARCH_GROUP.leadId,
      plannedAt: new Date(now.getTime() + DEMO_RESEARCH_MEETING.inDays * DAY_MS),
      createdBy: DEMO_RESEARCH_GROUP.leadId,
    });
    this.logger.log(`demo research studio seeded: ${DEMO_RESEARCH_GROUP.name}`);
  }

  private async seedGroup(now: Date): Promise<void> {
    const { mentorship, ...group } = DEMO_RESEARCH_GROUP;
    await this.groups.upsert({
      ...group,
      communityId: community,
      members: group.members.map((m) => ({ ...m, joinedAt: now })),
      mentorships: [{ ...mentorship, since: now }],
    });
  }

  private async seedPlan(plan: (typeof DEMO_RESEARCH_PLANS)[number]): Promise<void> {
    const docId = planDocId(plan._id.toHexString());
    if (!(await this.plans.findOne(community, plan._id))) {
      await this.documents.create(docId, community, encodePlanContent(plan.content)).catch((err: Error) => {
        this.logger.warn(`demo plan document ${docId} kept: ${err.message}`);
      });
    }
    await this.plans.upsert({
      _id: plan._id,
      communityId: community,
      groupId: DEMO_RESEARCH_GROUP._id,
      title: plan.title,
      topic: TOPIC,
      ...lesson,
      textbookEdition: '人音版',
      chapter: '第三单元 草原放牧',
      authorId: plan.authorId,
    });
  }

  private async seedSession(s: (typeof DEMO_RESEARCH_SESSIONS)[number], now: Date): Promise<void> {
    if (await this.sessions.findByIdForService(s._id)) return;
    const start = new Date(now.getTime() - s.daysAgo * DAY_MS);
    const end = new Date(start.getTime() + 40 * 60_000);
    // A fixed id makes the seed idempotent; the repository's create keeps it.
    const session: NewLiveSession & { _id: Types.ObjectId } = {
      _id: s._id,
      communityId: community,
      kind: 'instant',
      title: s.title,
      ...lesson,
      leadTeacherId: DEMO_RESEARCH_GROUP.leadId,
      classroomIds: [DEMO_CLASSROOMS[1]._id],
      plannedStart: start,
      plannedEnd: end,
      createdBy: DEMO_RESEARCH_GROUP.leadId,
      record: true,
    };
    try {
      await this.sessions.create(session);
    } catch (err) {
      // Another API process seeding the same database at once created it first.
      if ((err as { code?: number }).code !== 11000) throw err;
      return;
    }
    await this.sessions.markLive(community, s._id, start);
    await this.sessions.markEnded(community, s._id, end, 'ended_by_teacher');
    await this.sessions.setResourceId(community, s._id, s.resourceId);
  }

  private async seedActivity(a: DemoActivity): Promise<void> {
    const plan = DEMO_RESEARCH_PLANS[a.planIndex];
    const session = DEMO_RESEARCH_SESSIONS[a.sessionIndex];
    const taughtAt = (await this.sessions.findByIdForService(session._id))?.startedAt ?? new Date();
    await this.activities.upsert({
      _id: a._id,
      communityId: community,
      groupId: DEMO_RESEARCH_GROUP._id,
      kind: 'lesson-study',
      title: a.title,
      topic: TOPIC,
      ...lesson,
      teacherId: DEMO_RESEARCH_GROUP.leadId,
      plannedAt: taughtAt,
      planId: plan._id,
      planLinkedAt: new Date(taughtAt.getTime() - 3 * DAY_MS),
      sessionId: session._id,
      rubricId: 'default',
      ...(a.reflection && {
        reflection: { text: a.reflection, byId: DEMO_RESEARCH_GROUP.leadId, at: new Date(taughtAt.getTime() + DAY_MS) },
      }),
      createdBy: DEMO_RESEARCH_GROUP.leadId,
    });
    await this.seedFeedback(a, taughtAt);
  }

  /** The activity's submitted evaluations (built-in rubric) and timestamped comments. */
  private async seedFeedback(a: DemoActivity, taughtAt: Date): Promise<void> {
    for (const [i, e] of a.evaluations.entries()) {
      await this.evaluations.upsert({
        _id: derived(a._id, i),
        communityId: community,
        activityId: a._id,
        rubricId: 'default',
        observerId: e.observerId,
        mode: e.mode,
        scores: Object.fromEntries(ITEM_KEYS.map((key, k) => [key, e.scores[k]])),
        summary: e.summary,
        submitted: true,
        submittedAt: new Date(taughtAt.getTime() + DAY_MS),
      });
    }
    for (const [i, c] of a.comments.entries()) {
      await this.comments.upsert({ _id: derived(a._id, 8 + i), communityId: community, activityId: a._id, ...c });
    }
  }
}
