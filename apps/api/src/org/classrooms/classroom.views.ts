import type { ClassroomView } from '@tongke/contracts';
import type { Classroom } from '../schemas/classroom.schema';

/** What admins and members see of a classroom; `pairedIds`: classrooms with a live terminal session. */
export function toClassroomView(room: Classroom, pairedIds: ReadonlySet<string>): ClassroomView {
  const id = room._id.toString();
  return {
    id,
    communityId: room.communityId.toString(),
    schoolId: room.schoolId.toString(),
    name: room.name,
    seats: room.seats ?? 0,
    terminalModel: room.terminalModel ?? '',
    terminalPaired: pairedIds.has(id),
  };
}
