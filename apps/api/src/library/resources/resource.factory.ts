import { Injectable } from '@nestjs/common';
import { ErrorCode, type ResourceKind, type ResourceMetadata } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { type NewResourceDoc, ResourceRepository } from './resource.repository';
import type { PersonRef, Resource, ResourceSource } from './resource.schema';
import { SearchTokenizer } from './search/search-tokenizer';

/** What a new resource is made from (a finished recording, or a completed upload). */
export interface NewResource {
  /** The id to use, when the caller needs it before (e.g. for `sources/<id>/`). */
  id?: Types.ObjectId;
  communityId: Types.ObjectId;
  kind: ResourceKind;
  metadata: ResourceMetadata;
  createdBy: Types.ObjectId;
  /** Named as its teacher (with the teacher's school), if set. */
  teacherId?: Types.ObjectId;
  /** Its school, when there is no teacher with a school. */
  schoolId?: Types.ObjectId;
  source: ResourceSource;
  /** Recordings: the live session (one resource per session). */
  sessionId?: Types.ObjectId;
  seriesIds?: Types.ObjectId[];
  /** Restricts it to these accounts (and research officers and admins): see Resource.audienceIds. */
  audienceIds?: Types.ObjectId[];
}

/**
 * Creates library resources: `processing` at stage `queued` (the caller enqueues the processing
 * job), with the community's district, the teacher's and school's names and the search tokens.
 */
@Injectable()
export class ResourceFactory {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly resources: ResourceRepository,
    private readonly tokenizer: SearchTokenizer,
  ) {}

  /** Rejects with Mongo's code 11000 if the session already has a resource. */
  async create(input: NewResource): Promise<Resource> {
    const [community, directory] = await Promise.all([
      this.directory.community(input.communityId),
      this.directory.of(input.communityId),
    ]);
    if (!community) throw new AppError(ErrorCode.NOT_FOUND, `no community ${input.communityId.toString()}`);
    const teacherUser = input.teacherId ? directory.user(input.teacherId) : undefined;
    const teacher: PersonRef | undefined = teacherUser && { id: teacherUser.id, name: teacherUser.displayName };
    const schoolId = teacherUser?.schoolId ?? input.schoolId;
    const schoolRef = schoolId ? directory.school(schoolId) : undefined;
    const school: PersonRef | undefined = schoolRef && { id: schoolRef.id, name: schoolRef.name };
    const m = input.metadata;
    const doc: NewResourceDoc = {
      ...(input.id && { _id: input.id }),
      district: community.district,
      kind: input.kind,
      title: m.title,
      description: m.description,
      subject: m.subject,
      grade: m.grade,
      ...(m.textbookEdition && { textbookEdition: m.textbookEdition }),
      ...(m.chapter && { chapter: m.chapter }),
      ...(teacher && { teacher }),
      ...(school && { school }),
      tags: m.tags,
      visibility: m.visibility,
      ...(input.audienceIds && { audienceIds: input.audienceIds }),
      status: 'processing',
      processing: { stage: 'queued', progress: 0, attempts: 0, updatedAt: new Date() },
      source: input.source,
      ...(input.sessionId && { sessionId: input.sessionId }),
      seriesIds: input.seriesIds ?? [],
      searchTokens: this.tokenizer.resourceTokens(m),
      views: 0,
      downloads: 0,
      favourites: 0,
      createdBy: input.createdBy,
    };
    return this.resources.insert(input.communityId, doc);
  }
}
