import type { ResourceView } from '@tongke/contracts';
import type { Resource } from './resource.schema';

/** What a view adds for the caller. */
export interface ResourceViewContext {
  favourite: boolean;
  canEdit: boolean;
  /** Signed poster link (ready resources). */
  posterUrl?: string;
}

const ref = (p?: { id: { toString(): string }; name: string }) => p && { id: p.id.toString(), name: p.name };

export function toResourceView(r: Resource, ctx: ResourceViewContext): ResourceView {
  const { stage, progress, attempts, error, updatedAt } = r.processing;
  return {
    id: r._id.toString(),
    communityId: r.communityId.toString(),
    kind: r.kind,
    title: r.title,
    description: r.description ?? '',
    subject: r.subject,
    grade: r.grade,
    ...(r.textbookEdition && { textbookEdition: r.textbookEdition }),
    ...(r.chapter && { chapter: r.chapter }),
    ...(r.teacher && { teacher: ref(r.teacher) }),
    ...(r.school && { school: ref(r.school) }),
    tags: [...(r.tags ?? [])],
    visibility: r.visibility,
    status: r.status,
    processing: { stage, progress, attempts, ...(error && { error }), updatedAt: updatedAt.toISOString() },
    ...(r.media && {
      media: {
        durationS: r.media.durationS,
        width: r.media.width,
        height: r.media.height,
        renditions: [...r.media.renditions],
      },
    }),
    ...(ctx.posterUrl && { posterUrl: ctx.posterUrl }),
    ...(r.sessionId && { sessionId: r.sessionId.toString() }),
    seriesIds: (r.seriesIds ?? []).map((id) => id.toString()),
    views: r.views ?? 0,
    downloads: r.downloads ?? 0,
    favourites: r.favourites ?? 0,
    favourite: ctx.favourite,
    canEdit: ctx.canEdit,
    createdAt: r.createdAt.toISOString(),
    ...(r.publishedAt && { publishedAt: r.publishedAt.toISOString() }),
  };
}
