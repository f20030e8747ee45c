import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** A contract's zod schema as the OpenAPI description of a request body (validation stays with ZodValidationPipe). */
export function zodBodySchema(schema: z.ZodType): SchemaObject {
  const json: Record<string, unknown> = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
  delete json.$schema; // the JSON Schema dialect, not an OpenAPI field
  return json as SchemaObject;
}
