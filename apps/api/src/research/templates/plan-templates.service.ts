import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  planDocId,
  type CreateTemplateRequest,
  type PlanTemplateView,
  type Subject,
} from '@tongke/contracts';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { conflictOnDuplicate } from '../../org/shared/duplicate-key';
import { notFound } from '../../org/shared/found';
import { ResearchAccess } from '../access/research-access.service';
import { CollabDocuments } from '../collab/collab-documents.service';
import { BUILT_IN_TEMPLATES } from './built-in-templates.data';
import { PlanTemplateRepository } from './plan-template.repository';
import { contentForGrade } from './plan-template.rules';
import { builtInTemplateView, groupTemplateView } from './plan-template.views';

const fitsSubject = (subject: Subject | undefined, filter: Subject | undefined) =>
  !filter || !subject || subject === filter;

/** Plan templates: built-in per subject (plus a general one) and the ones groups saved from their plans. */
@Injectable()
export class PlanTemplatesService {
  constructor(
    private readonly templates: PlanTemplateRepository,
    private readonly access: ResearchAccess,
    private readonly documents: CollabDocuments,
  ) {}

  /** Built-in templates of the subject (and the general one), then the group's own if `groupId` is given. */
  async list(user: User, subject?: Subject, groupId?: Types.ObjectId): Promise<PlanTemplateView[]> {
    const builtIn = BUILT_IN_TEMPLATES.filter((t) => fitsSubject(t.subject, subject)).map(builtInTemplateView);
    if (!groupId) return builtIn;
    const { group } = await this.access.group(user, groupId);
    const saved = await this.templates.findByGroup(group.communityId, group._id);
    return [...builtIn, ...saved.filter((t) => fitsSubject(t.subject, subject)).map(groupTemplateView)];
  }

  /** Saves a plan's current content as a template of its group (the group's editors). */
  async create(user: User, body: CreateTemplateRequest): Promise<PlanTemplateView> {
    const { plan } = await this.access.editablePlan(user, new Types.ObjectId(body.planId));
    const content = await this.documents.readContent(planDocId(plan._id.toHexString()));
    const template = await conflictOnDuplicate(
      this.templates.create(plan.communityId, {
        groupId: plan.groupId,
        name: body.name,
        subject: plan.subject,
        content,
        createdBy: user._id,
      }),
      `the group already has a template named ${body.name}`,
    );
    return groupTemplateView(template);
  }

  /** Deletes a group's template (the group's editors); built-in templates cannot be deleted. */
  async remove(user: User, id: string): Promise<void> {
    if (!/^[0-9a-f]{24}$/.test(id)) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `template ${id} is built in or unknown: only saved templates can be deleted`,
      );
    }
    const template = await this.templates.findByIdForAccess(new Types.ObjectId(id));
    if (!template) throw notFound('plan template', id);
    await this.access.editableGroup(user, template.groupId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND ? notFound('plan template', id) : err;
    });
    await this.templates.delete(template.communityId, template._id);
  }

  /**
   * The content a new plan of `grade` starts from: a built-in template, or a saved template of a
   * group the caller may read (400 for anything else), fit for the grade (contentForGrade: no
   * written homework in grades 1–2).
   */
  async contentFor(user: User, templateId: string, grade: number): Promise<PlanContent> {
    return contentForGrade(await this.templateContent(user, templateId), grade);
  }

  private async templateContent(user: User, templateId: string): Promise<PlanContent> {
    const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === templateId);
    if (builtIn) return builtIn.content;
    const unusable = new AppError(ErrorCode.BAD_REQUEST, `templateId ${templateId} is not a template you can use`);
    if (!/^[0-9a-f]{24}$/.test(templateId)) throw unusable;
    const template = await this.templates.findByIdForAccess(new Types.ObjectId(templateId));
    if (!template) throw unusable;
    await this.access.group(user, template.groupId).catch(() => {
      throw unusable;
    });
    return template.content;
  }
}
