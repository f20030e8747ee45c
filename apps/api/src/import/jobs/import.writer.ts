import { Injectable } from '@nestjs/common';
import type { ImportKind } from '@tongke/contracts';
import { Types } from 'mongoose';
import { ClassGroupRepository } from '../../org/repositories/class-group.repository';
import { ClassroomRepository } from '../../org/repositories/classroom.repository';
import { SchoolRepository } from '../../org/repositories/school.repository';
import { UserRepository, type UserWithHash } from '../../org/repositories/user.repository';
import type { Credentials } from '../persistence/import-job.repository';
import type { ClassGroupDraft, ClassroomDraft, SchoolDraft, TeacherDraft } from '../validation/import-drafts';
import type { AnyDraft } from '../validation/import.validator';
import { generateOneTimePassword, hashOneTimePassword } from './one-time-password';

/** Where an import writes: its community and its id (carried by every record it creates). */
export interface ImportTarget {
  kind: ImportKind;
  communityId: Types.ObjectId;
  importId: Types.ObjectId;
}

export interface WriteResult {
  created: number;
  credentials?: Credentials;
}

/** Rows inserted per batch (progress is reported after each); teachers' batches are smaller, each password is hashed. */
const BATCH = { schools: 500, classrooms: 500, class_groups: 500, teachers: 25 } as const;

/**
 * Inserts an import's validated rows with the repositories' `insertForImport`, batch by batch.
 * FerretDB has no transactions: on any failure every record of the import is removed again
 * (`deleteByImport`) before the error is passed on, so nothing is half-written.
 */
@Injectable()
export class ImportWriter {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
    private readonly classGroups: ClassGroupRepository,
    private readonly users: UserRepository,
  ) {}

  async writeAll(
    target: ImportTarget,
    drafts: AnyDraft[],
    onBatch: (done: number) => Promise<void>,
  ): Promise<WriteResult> {
    const credentials: Credentials = [];
    try {
      for (let start = 0; start < drafts.length; start += BATCH[target.kind]) {
        const batch = drafts.slice(start, start + BATCH[target.kind]);
        credentials.push(...(await this.insertBatch(target, batch)));
        await onBatch(start + batch.length);
      }
    } catch (err) {
      await this.removeAll(target);
      throw err;
    }
    return { created: drafts.length, ...(target.kind === 'teachers' && { credentials }) };
  }

  /** Removes every record the import created; answers how many. */
  removeAll({ kind, communityId, importId }: ImportTarget): Promise<number> {
    const repository = {
      schools: this.schools,
      classrooms: this.classrooms,
      class_groups: this.classGroups,
      teachers: this.users,
    }[kind];
    return repository.deleteByImport(communityId, importId);
  }

  /** Inserts one batch; answers the initial passwords of the accounts it created (teachers only). */
  private async insertBatch(target: ImportTarget, batch: AnyDraft[]): Promise<Credentials> {
    const { communityId, importId } = target;
    // The repositories' bulk insert skips mongoose's timestamps: set them as a create would.
    const now = new Date();
    const common = () => ({ _id: new Types.ObjectId(), communityId, createdAt: now, updatedAt: now });
    switch (target.kind) {
      case 'schools':
        await this.schools.insertForImport(
          communityId,
          importId,
          (batch as SchoolDraft[]).map((d) => ({ ...common(), ...d })),
        );
        return [];
      case 'classrooms':
        await this.classrooms.insertForImport(
          communityId,
          importId,
          (batch as ClassroomDraft[]).map((d) => ({ ...common(), ...d })),
        );
        return [];
      case 'class_groups':
        await this.classGroups.insertForImport(
          communityId,
          importId,
          (batch as ClassGroupDraft[]).map((d) => ({ ...common(), ...d })),
        );
        return [];
      case 'teachers':
        return this.insertTeachers(communityId, importId, batch as TeacherDraft[]);
    }
  }

  private async insertTeachers(
    communityId: Types.ObjectId,
    importId: Types.ObjectId,
    batch: TeacherDraft[],
  ): Promise<Credentials> {
    const accounts = await Promise.all(
      batch.map(async (d) => {
        const password = generateOneTimePassword();
        const doc: UserWithHash = {
          _id: new Types.ObjectId(),
          communityId,
          ...d,
          disabled: false,
          totpEnabled: false,
          passwordHash: await hashOneTimePassword(password),
        };
        return { doc, credential: { username: d.username, password } };
      }),
    );
    await this.users.insertForImport(
      communityId,
      importId,
      accounts.map((a) => a.doc),
    );
    return accounts.map((a) => a.credential);
  }
}
