import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { Types } from 'mongoose';
import { ResourceRepository } from '../../library/resources/resource.repository';
import { localDate } from '../../live/policy/local-dates';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import type { Counters } from '../rollups/insight-contribution';
import { DRAIN_LOCK_WAIT_MS } from '../rollups/insight-community.lock';
import { InsightProjector } from '../rollups/insight.projector';
import type { LibraryUseEvent, PlanEditEvent, QueuedUsageEvent } from '../signals/insight-signal.keys';
import { InsightOrgLookups } from './insight-org-lookups.service';
import { bump, type LibraryUse, paths } from './insight-counter.paths';

/** A plan edit counts once per plan, user and local day; the marker outlives the day. */
const PLAN_EDIT_DEDUPE_MS = 2 * 24 * 60 * 60_000;
const planEditMarker = (factKey: string) => `tongke:insight:plan-edited:${factKey}`;

const oid = (id: string) => (Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null);
const useOf = (event: LibraryUseEvent): LibraryUse => (event.kind === 'lib.view' ? 'views' : 'downloads');

/**
 * Counts usage events into the rollups (each event adds; see InsightSignals.used):
 * - `lib.view` / `lib.download`, queued once per side: `viewer` — the viewer's school `lib.v|d`
 *   += 1 into the viewer's community (fact `libu:<schoolId>:<day>`); `resource` — the resource's
 *   `c.res.<resourceId>.v|d` += 1 into the resource's community (fact `libr:<resourceId>:<day>`);
 *   each on its community's local day;
 * - `plan.edit`: once per plan, user and local day, the editor's school `rs.plan` += 1 and
 *   `t.<userId>.plan` += 1 (fact `plan:<planId>:<userId>:<day>`).
 * Users without a school (or unknown ones) and unknown resources count nothing on their side.
 */
@Injectable()
export class UsageFactsService {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly lookups: InsightOrgLookups,
    private readonly resources: ResourceRepository,
    private readonly redis: RedisService,
    private readonly projector: InsightProjector,
  ) {}

  apply(event: QueuedUsageEvent): Promise<void> {
    if (event.kind === 'plan.edit') return this.planEdit(event);
    return event.side === 'viewer' ? this.viewerSide(event) : this.resourceSide(event);
  }

  /** The viewer's school's `lib.v|d` += 1, in the viewer's community. */
  private async viewerSide(event: LibraryUseEvent): Promise<void> {
    const viewer = await this.schoolOf(event.userId);
    if (!viewer) return;
    const day = localDate(new Date(event.at), await this.lookups.timeZone(viewer.communityId));
    const counters = { [paths.library(viewer.schoolId, useOf(event))]: 1 };
    const contribution = { communityId: viewer.communityId.toHexString(), day, counters };
    await this.projector.add(`libu:${viewer.schoolId}:${day}`, contribution, DRAIN_LOCK_WAIT_MS);
  }

  /** The resource's `c.res.<resourceId>.v|d` += 1, in the resource's community. */
  private async resourceSide(event: LibraryUseEvent): Promise<void> {
    const resourceId = oid(event.resourceId);
    const resource = resourceId && (await this.resources.findByIdForService(resourceId));
    if (!resource) return;
    const day = localDate(new Date(event.at), await this.lookups.timeZone(resource.communityId));
    const counters = { [paths.resourceUse(event.resourceId, useOf(event))]: 1 };
    const contribution = { communityId: resource.communityId.toHexString(), day, counters };
    await this.projector.add(`libr:${event.resourceId}:${day}`, contribution, DRAIN_LOCK_WAIT_MS);
  }

  private async planEdit(event: PlanEditEvent): Promise<void> {
    const editor = await this.schoolOf(event.userId);
    if (!editor || !oid(event.planId)) return;
    const day = localDate(new Date(event.at), await this.lookups.timeZone(editor.communityId));
    const key = `plan:${event.planId}:${event.userId}:${day}`;
    if (!(await this.redis.setIfAbsent(planEditMarker(key), '1', PLAN_EDIT_DEDUPE_MS))) return;
    const counters: Counters = {};
    bump(counters, paths.research(editor.schoolId, 'planEdits'));
    bump(counters, paths.teacher(editor.schoolId, event.userId, 'plan'));
    try {
      const contribution = { communityId: editor.communityId.toHexString(), day, counters };
      await this.projector.add(key, contribution, DRAIN_LOCK_WAIT_MS);
    } catch (err) {
      await this.redis.del(planEditMarker(key)); // not counted: a retry of the event may count it
      throw err;
    }
  }

  /** The account's school and community, if it has a school. */
  private async schoolOf(userId: string): Promise<{ schoolId: string; communityId: Types.ObjectId } | null> {
    const id = oid(userId);
    const user = id && (await this.directory.activeUser(id));
    if (!user?.schoolId || !user.communityId) return null;
    return { schoolId: user.schoolId.toHexString(), communityId: user.communityId };
  }
}
