import type { ClassroomRef } from '@tongke/contracts';
import { apiFetch } from './api-client';

/** GET /api/classrooms: the classrooms of the signed-in user's community. */
export function listClassrooms(): Promise<ClassroomRef[]> {
  return apiFetch<ClassroomRef[]>('/api/classrooms');
}
