import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClassroomRef } from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import type { User } from '../schemas/user.schema';
import { ClassroomRefDto } from './classroom-ref.dto';
import { ClassroomsService } from './classrooms.service';

@ApiTags('org')
@Controller('classrooms')
export class ClassroomsController {
  constructor(private readonly classrooms: ClassroomsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "Classrooms of the caller's community (e.g. to invite to an instant lesson)" })
  @ApiOkResponse({ type: ClassroomRefDto, isArray: true })
  list(@CurrentUser() user: User): Promise<ClassroomRef[]> {
    return this.classrooms.list(user.communityId);
  }
}
