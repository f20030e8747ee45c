import { Injectable, StreamableFile } from '@nestjs/common';
import {
  checkHomework,
  ErrorCode,
  planDocId,
  type CreatePlanRequest,
  type LessonPlanView,
  type PlanChecksView,
  type UpdatePlanRequest,
} from '@tongke/contracts';
import { EMPTY_PLAN_CONTENT, encodePlanContent, type PlanContent } from '@tongke/contracts/research/plan-doc';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { contentDisposition } from '../../live/content-disposition';
import { found } from '../../org/shared/found';
import { ResearchPeople } from '../access/research-people.service';
import { ResearchAccess, type AccessiblePlan } from '../access/research-access.service';
import { ResearchActivityRepository } from '../activities/research-activity.repository';
import { CollabDocuments } from '../collab/collab-documents.service';
import { PlanCommentRepository } from '../comments/plan-comment.repository';
import { PlanTemplatesService } from '../templates/plan-templates.service';
import { PlanVersionsService } from '../versions/plan-versions.service';
import { LessonPlanRepository } from './lesson-plan.repository';
import type { LessonPlan } from './lesson-plan.schema';
import { toLessonPlanView } from './lesson-plan.views';
import { planDocx } from './plan-docx.builder';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type CreatePlanBody = Omit<CreatePlanRequest, 'topic'> & { topic: string };

/** Lesson plans' metadata, starting content, checks and DOCX export (the content is edited over /collab). */
@Injectable()
export class LessonPlansService {
  constructor(
    private readonly plans: LessonPlanRepository,
    private readonly access: ResearchAccess,
    private readonly people: ResearchPeople,
    private readonly documents: CollabDocuments,
    private readonly templates: PlanTemplatesService,
    private readonly comments: PlanCommentRepository,
    private readonly versions: PlanVersionsService,
    private readonly activities: ResearchActivityRepository,
  ) {}

  async list(user: User, groupId: Types.ObjectId): Promise<LessonPlanView[]> {
    const { group, access } = await this.access.group(user, groupId);
    const directory = await this.people.ofCommunity(group.communityId);
    const plans = await this.plans.findByGroup(group.communityId, group._id);
    const planAccess = access.edit ? 'edit' : 'read';
    return plans.map((p) => toLessonPlanView(p, directory, planAccess));
  }

  /** A new plan of the group (its lead and members), starting from a template, a copy, or empty. */
  async create(user: User, body: CreatePlanBody): Promise<LessonPlanView> {
    const { group } = await this.access.editableGroup(user, new Types.ObjectId(body.groupId));
    const content = await this.initialContent(user, body);
    const plan = await this.plans.create(group.communityId, {
      groupId: group._id,
      title: body.title,
      topic: body.topic,
      subject: body.subject,
      grade: body.grade,
      ...(body.textbookEdition && { textbookEdition: body.textbookEdition }),
      ...(body.chapter && { chapter: body.chapter }),
      authorId: user._id,
    });
    try {
      await this.documents.create(planDocId(plan._id.toHexString()), group.communityId, encodePlanContent(content));
    } catch (err) {
      await this.plans.delete(group.communityId, plan._id);
      throw err;
    }
    return this.get(user, plan._id);
  }

  async get(user: User, id: Types.ObjectId): Promise<LessonPlanView> {
    return this.view(await this.access.plan(user, id));
  }

  async update(user: User, id: Types.ObjectId, body: UpdatePlanRequest): Promise<LessonPlanView> {
    const { plan } = await this.access.editablePlan(user, id);
    const set: Partial<LessonPlan> = { ...body };
    found(await this.plans.update(plan.communityId, id, set), 'lesson plan', id);
    return this.get(user, id);
  }

  /**
   * Deletes the plan, its document, versions and comments: its author or the group lead; 409 while a
   * research activity links it (unlink it there first).
   */
  async remove(user: User, id: Types.ObjectId): Promise<void> {
    const { plan, access } = await this.access.editablePlan(user, id);
    if (!plan.authorId.equals(user._id) && access.role !== 'lead') {
      throw new AppError(ErrorCode.FORBIDDEN, 'only the plan’s author or the group lead may delete it');
    }
    const [linked] = await this.activities.findByPlan(plan.communityId, id);
    if (linked) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `the plan is linked by the research activity “${linked.title}” (${linked._id.toHexString()}): unlink it there first`,
      );
    }
    await this.plans.delete(plan.communityId, id);
    await this.documents.remove(planDocId(id.toHexString()));
    await this.comments.deleteByPlan(plan.communityId, id);
    await this.versions.removeForPlan(plan.communityId, id);
  }

  async checks(user: User, id: Types.ObjectId): Promise<PlanChecksView> {
    const { plan } = await this.access.plan(user, id);
    const content = await this.documents.readContent(planDocId(id.toHexString()));
    return {
      homework: checkHomework(plan.grade, content.homework),
      processMinutes: content.process.reduce((sum, s) => sum + Math.max(0, s.minutes || 0), 0),
    };
  }

  /** The plan as a DOCX download. */
  async exportFile(user: User, id: Types.ObjectId): Promise<StreamableFile> {
    const { fileName, data } = await this.exportDocx(user, id);
    return new StreamableFile(data, {
      type: DOCX_TYPE,
      disposition: contentDisposition(fileName),
      length: data.length,
    });
  }

  /** The plan as a DOCX file, with its file name. */
  async exportDocx(user: User, id: Types.ObjectId): Promise<{ fileName: string; data: Buffer }> {
    const { plan } = await this.access.plan(user, id);
    const content = await this.documents.readContent(planDocId(id.toHexString()));
    const directory = await this.people.ofCommunity(plan.communityId);
    const meta = { ...plan, authorName: directory.displayName(plan.authorId) };
    const data = await planDocx(meta, content, checkHomework(plan.grade, content.homework));
    return { fileName: `${plan.title.replace(/[\\/:*?"<>|\r\n]+/g, '_')}.docx`, data };
  }

  private async view(found: AccessiblePlan): Promise<LessonPlanView> {
    return toLessonPlanView(found.plan, await this.people.ofCommunity(found.plan.communityId), found.planAccess);
  }

  private async initialContent(user: User, body: CreatePlanBody): Promise<PlanContent> {
    if (body.templateId) return this.templates.contentFor(user, body.templateId, body.grade);
    if (body.copyOfPlanId) {
      const source = await this.access.plan(user, new Types.ObjectId(body.copyOfPlanId));
      return this.documents.readContent(planDocId(source.plan._id.toHexString()));
    }
    return structuredClone(EMPTY_PLAN_CONTENT);
  }
}
