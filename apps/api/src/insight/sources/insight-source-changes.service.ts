import { Injectable } from '@nestjs/common';
import { AttendanceRepository } from '../../live/repositories/attendance.repository';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { ResearchActivityRepository } from '../../research/activities/research-activity.repository';
import { EvaluationRepository } from '../../research/evaluations/evaluation.repository';
import { activityFactKey, evaluationFactKey, lessonFactKey } from '../signals/insight-signal.keys';

/**
 * The fact keys whose sources were written since a time, of every community: sessions, their
 * attendance (which does not touch the session), evaluations and research activities. Each read
 * scans its collection (FerretDB pushes only `_id` filters down): for the once-a-minute catch-up
 * sweep and after rebuilds, never per request. Deleted documents are not found here.
 */
@Injectable()
export class InsightSourceChanges {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly activities: ResearchActivityRepository,
  ) {}

  async keysChangedSince(since: Date): Promise<string[]> {
    const [sessions, attended, evaluations, activities] = await Promise.all([
      this.sessions.idsUpdatedSince(since),
      this.attendance.sessionIdsUpdatedSince(since),
      this.evaluations.idsUpdatedSince(since),
      this.activities.idsUpdatedSince(since),
    ]);
    const keys = [
      ...[...sessions, ...attended].map((id) => lessonFactKey(id.toHexString())),
      ...evaluations.map((id) => evaluationFactKey(id.toHexString())),
      ...activities.map((id) => activityFactKey(id.toHexString())),
    ];
    return [...new Set(keys)];
  }
}
