import type { ImportJobView } from '@tongke/contracts';
import { apiFetch } from '../api/api-client';

// The bulk import routes (apps/api/src/import); the upload itself is in import-upload.ts
// (XMLHttpRequest, for its upload progress events).

/** `/api/communities/<id>/imports[/<segments…>]`, each part URL-encoded. */
export function importsPath(communityId: string, ...segments: string[]): string {
  return ['/api/communities', communityId, 'imports', ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
    .join('/');
}

/** The community's recent imports, newest first. */
export function listImports(communityId: string): Promise<ImportJobView[]> {
  return apiFetch<ImportJobView[]>(importsPath(communityId));
}

/** One import (poll while validating/committing; after a teachers commit the first answer carries the passwords). */
export function getImport(communityId: string, importId: string): Promise<ImportJobView> {
  return apiFetch<ImportJobView>(importsPath(communityId, importId));
}

/** Starts the commit of a dry run without problems (202). */
export function commitImport(communityId: string, importId: string): Promise<ImportJobView> {
  return apiFetch<ImportJobView>(importsPath(communityId, importId, 'commit'), { method: 'POST' });
}
