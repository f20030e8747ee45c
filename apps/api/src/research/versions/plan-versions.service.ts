import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ErrorCode,
  planDocId,
  RESEARCH_LIMITS,
  type PlanVersionPreview,
  type PlanVersionRestoreResult,
  type PlanVersionView,
} from '@tongke/contracts';
import { readPlanContent, writePlanContent, type PlanContent } from '@tongke/contracts/research/plan-doc';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import * as Y from 'yjs';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess, type AccessiblePlan } from '../access/research-access.service';
import { CollabDocuments } from '../collab/collab-documents.service';
import type { EditorsLeftEvent } from '../collab/collab-hooks.service';
import { PlanVersionRepository, versionState } from './plan-version.repository';
import type { PlanVersion, PlanVersionReason } from './plan-version.schema';
import { planVersionView } from './plan-version.views';

/** Name of the versions saved when the last editor leaves. */
export const AUTO_VERSION_NAME = '自动保存';

const contentOf = (state: Uint8Array): PlanContent => {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return readPlanContent(ydoc);
  } finally {
    ydoc.destroy();
  }
};

const sameContent = (a: PlanContent, b: PlanContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Version history of lesson plans: named snapshots saved by hand, before a restore, and when the
 * last editor leaves a changed plan; preview; restore into the live document for every editor.
 */
@Injectable()
export class PlanVersionsService implements OnModuleInit {
  constructor(
    private readonly access: ResearchAccess,
    private readonly versions: PlanVersionRepository,
    private readonly documents: CollabDocuments,
  ) {}

  onModuleInit(): void {
    this.documents.onEditorsLeft((event) => this.autoSave(event));
  }

  async list(user: User, planId: Types.ObjectId): Promise<PlanVersionView[]> {
    const { plan } = await this.access.plan(user, planId);
    return (await this.versions.listByPlan(plan.communityId, plan._id)).map(planVersionView);
  }

  async create(user: User, planId: Types.ObjectId, name: string): Promise<PlanVersionView> {
    const found = await this.access.editablePlan(user, planId);
    return planVersionView(await this.save(found, name, 'manual', user));
  }

  async preview(user: User, planId: Types.ObjectId, versionId: Types.ObjectId): Promise<PlanVersionPreview> {
    const { plan } = await this.access.plan(user, planId);
    const version = await this.version(plan.communityId, plan._id, versionId);
    return { version: planVersionView(version), content: contentOf(versionState(version)) };
  }

  /**
   * Saves the current state as `before-restore` and makes the live document read the version, in
   * one turn of the document's queue (no edit lands between the backup and the change). Steps and
   * homework items are matched by id, so typing in unchanged ones and their comments survive.
   */
  async restore(user: User, planId: Types.ObjectId, versionId: Types.ObjectId): Promise<PlanVersionRestoreResult> {
    const found = await this.access.editablePlan(user, planId);
    const { communityId, _id } = found.plan;
    const version = await this.version(communityId, _id, versionId);
    const name = `恢复前 · ${version.name}`.slice(0, RESEARCH_LIMITS.versionNameMax);
    const content = contentOf(versionState(version));
    const docId = planDocId(_id.toHexString());
    let backup: PlanVersion | undefined;
    await this.documents.change(docId, (doc) => writePlanContent(doc, content), {
      origin: 'restore',
      before: async (state) => {
        backup = await this.store(communityId, _id, name, 'before-restore', state, user);
      },
    });
    await this.documents.announceRestored({
      docId,
      versionId: version._id.toHexString(),
      versionName: version.name,
      by: { id: user._id.toHexString(), name: user.displayName },
    });
    return { restored: planVersionView(version), backup: planVersionView(backup as PlanVersion) };
  }

  /** Deletes a plan's versions (when the plan is deleted). */
  async removeForPlan(communityId: Types.ObjectId, planId: Types.ObjectId): Promise<void> {
    await this.versions.deleteByPlan(communityId, planId);
  }

  /** An `auto` version when the last editor left, unless the content equals the newest version's. */
  private async autoSave(event: EditorsLeftEvent): Promise<void> {
    const planId = new Types.ObjectId(event.docId.slice('plan:'.length));
    const state = await this.documents.encodeState(event.docId);
    const latest = await this.versions.latestOfPlan(event.communityId, planId);
    if (latest && sameContent(contentOf(versionState(latest)), contentOf(state))) return;
    await this.store(event.communityId, planId, AUTO_VERSION_NAME, 'auto', state, event.user);
  }

  private async save(found: AccessiblePlan, name: string, reason: PlanVersionReason, user: User): Promise<PlanVersion> {
    const state = await this.documents.encodeState(planDocId(found.plan._id.toHexString()));
    return this.store(found.plan.communityId, found.plan._id, name, reason, state, user);
  }

  private store(
    communityId: Types.ObjectId,
    planId: Types.ObjectId,
    name: string,
    reason: PlanVersionReason,
    state: Uint8Array,
    user: User,
  ): Promise<PlanVersion> {
    return this.versions.create(communityId, {
      planId,
      name,
      reason,
      createdBy: { id: user._id, name: user.displayName },
      state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      size: state.byteLength,
    });
  }

  private async version(communityId: Types.ObjectId, planId: Types.ObjectId, id: Types.ObjectId): Promise<PlanVersion> {
    const version = await this.versions.findOne(communityId, id);
    if (!version || !version.planId.equals(planId)) {
      throw new AppError(ErrorCode.NOT_FOUND, `no version ${id.toHexString()} of this plan`);
    }
    return version;
  }
}
