import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { AttendanceRepository } from '../../live/repositories/attendance.repository';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import type { Attendance } from '../../live/schemas/attendance.schema';
import { ResearchActivityRepository } from '../../research/activities/research-activity.repository';
import { EvaluationRepository } from '../../research/evaluations/evaluation.repository';
import type { Contribution } from '../rollups/insight-contribution';
import { InsightRollupWriter } from '../rollups/insight-rollup.writer';
import { InsightQueueStore } from '../signals/insight-queue.store';
import { activityFactKey, evaluationFactKey, FACT_PREFIX, lessonFactKey } from '../signals/insight-signal.keys';
import { type CommunityLookups, InsightOrgLookups } from './insight-org-lookups.service';
import { LessonFactBuilder, type LessonFactSession } from './lesson-fact.builder';
import { ResearchFactBuilder } from './research-fact.builder';
import { ResearchFactsService } from './research-facts.service';
import { InsightSourceChanges } from './insight-source-changes.service';

type Fact = { key: string; contribution: Contribution };

/** How far before a rebuild's start the sources written during it are looked for (clock steps). */
const REBUILD_OVERLAP_MS = 1_000;

/** Every planned start there can be: the range that selects all of a community's sessions. */
const ALL_TIME = { from: new Date(0), to: new Date(8.64e15) };

/**
 * Recomputes every lesson, evaluation and research-activity fact of a community from the sources
 * and replaces them in the rollups (seeding, benchmarks, repairs). One read of the sessions, one
 * of the attendance, one of the class groups and the cached directory: no query per lesson.
 * Usage facts (library, plan edits) are counted events and are kept as they are. The sources are
 * read before the community's lock is taken, so a change the drainer wrote meanwhile would be
 * overwritten: every source written since the rebuild started is marked dirty again afterwards.
 */
@Injectable()
export class InsightRebuildService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly activities: ResearchActivityRepository,
    private readonly lookups: InsightOrgLookups,
    private readonly lessonBuilder: LessonFactBuilder,
    private readonly researchBuilder: ResearchFactBuilder,
    private readonly researchFacts: ResearchFactsService,
    private readonly writer: InsightRollupWriter,
    private readonly changes: InsightSourceChanges,
    private readonly queue: InsightQueueStore,
  ) {}

  async rebuildCommunity(communityId: string): Promise<{ facts: number }> {
    const started = new Date(Date.now() - REBUILD_OVERLAP_MS);
    const id = new Types.ObjectId(communityId);
    const org = await this.lookups.forCommunity(id);
    const facts = [
      ...(await this.lessonFacts(id, org)),
      ...(await this.evaluationFacts(id, org)),
      ...(await this.activityFacts(id, org)),
    ].filter((f) => f.contribution.communityId === communityId);
    await this.writer.replaceFacts(communityId, Object.values(FACT_PREFIX), facts);
    // Of every community (the sweep is not per community): refreshing other facts is only cost.
    await this.queue.markDirty(await this.changes.keysChangedSince(started));
    return { facts: facts.length };
  }

  private async lessonFacts(communityId: Types.ObjectId, org: CommunityLookups): Promise<Fact[]> {
    const sessions = (await this.sessions.findStartingBetween(
      communityId,
      { all: true },
      ALL_TIME.from,
      ALL_TIME.to,
    )) as LessonFactSession[];
    const bySession = groupBySession(await this.attendance.findByCommunity(communityId));
    const facts: Fact[] = [];
    for (const s of sessions) {
      const attendance = s.status === 'ended' ? (bySession.get(s._id.toHexString()) ?? []) : [];
      const contribution = this.lessonBuilder.build(s, attendance, org);
      if (contribution) facts.push({ key: lessonFactKey(s._id.toHexString()), contribution });
    }
    return facts;
  }

  private async evaluationFacts(communityId: Types.ObjectId, org: CommunityLookups): Promise<Fact[]> {
    const rubrics = new Map();
    const facts: Fact[] = [];
    for (const e of await this.evaluations.findByCommunity(communityId)) {
      const contribution = await this.researchFacts.evaluationFact(e, org, rubrics);
      if (contribution) facts.push({ key: evaluationFactKey(e._id.toHexString()), contribution });
    }
    return facts;
  }

  private async activityFacts(communityId: Types.ObjectId, org: CommunityLookups): Promise<Fact[]> {
    const facts: Fact[] = [];
    for (const a of await this.activities.findByCommunity(communityId)) {
      const contribution = this.researchBuilder.activity(a, org.placeOf(a.teacherId));
      if (contribution) facts.push({ key: activityFactKey(a._id.toHexString()), contribution });
    }
    return facts;
  }
}

function groupBySession(docs: Attendance[]): Map<string, Attendance[]> {
  const bySession = new Map<string, Attendance[]>();
  for (const d of docs) {
    const key = d.sessionId.toHexString();
    const list = bySession.get(key);
    if (list) list.push(d);
    else bySession.set(key, [d]);
  }
  return bySession;
}
