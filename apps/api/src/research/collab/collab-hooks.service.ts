import { Injectable, Logger } from '@nestjs/common';
import type { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';

/** The last editor of a document left this process after editing it. */
export interface EditorsLeftEvent {
  docId: string;
  communityId: Types.ObjectId;
  /** The editor who left last. */
  user: User;
}

type Listener = (event: EditorsLeftEvent) => Promise<void>;

/** Lets other research modules (versions) hear about documents without the collab module depending on them. */
@Injectable()
export class CollabHooks {
  private readonly logger = new Logger(CollabHooks.name);
  private readonly listeners: Listener[] = [];

  onEditorsLeft(listener: Listener): void {
    this.listeners.push(listener);
  }

  editorsLeft(event: EditorsLeftEvent): void {
    for (const listener of this.listeners) {
      listener(event).catch((err: unknown) =>
        this.logger.warn(`an editors-left listener of ${event.docId} failed: ${(err as Error).message}`),
      );
    }
  }
}
