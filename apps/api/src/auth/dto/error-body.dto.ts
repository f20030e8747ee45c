import { ApiProperty } from '@nestjs/swagger';
import { type ErrorBody, ErrorCode } from '@tongke/contracts';

/** Every REST error answers with this body. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ enum: ErrorCode })
  code!: ErrorCode;

  @ApiProperty({ example: 'wrong username or password' })
  message!: string;
}
