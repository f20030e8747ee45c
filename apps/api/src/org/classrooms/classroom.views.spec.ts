import { Types } from 'mongoose';
import type { Classroom } from '../schemas/classroom.schema';
import { toClassroomView } from './classroom.views';

describe('toClassroomView', () => {
  it('reports the terminal as paired when the room has a live device session', () => {
    const room: Classroom = {
      _id: new Types.ObjectId('74e9c00000000000000000c9'),
      communityId: new Types.ObjectId('74e9c0000000000000000001'),
      schoolId: new Types.ObjectId('74e9c0000000000000000065'),
      name: '四年级（1）班 同步课堂教室',
      seats: 36,
    };
    expect(toClassroomView(room, new Set())).toEqual({
      id: '74e9c00000000000000000c9',
      communityId: '74e9c0000000000000000001',
      schoolId: '74e9c0000000000000000065',
      name: '四年级（1）班 同步课堂教室',
      seats: 36,
      terminalModel: '',
      terminalPaired: false,
    });
    expect(toClassroomView(room, new Set(['74e9c00000000000000000c9'])).terminalPaired).toBe(true);
  });
});
