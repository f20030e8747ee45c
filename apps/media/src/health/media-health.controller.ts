import { Controller, Get } from '@nestjs/common';
import type { MediaNodeStatus } from '@tongke/contracts';
import { NodeRegistryService } from '../registry/node-registry.service';

/** GET /health on a media node: this node's status and worker load. */
@Controller('health')
export class MediaHealthController {
  constructor(private readonly registry: NodeRegistryService) {}

  @Get()
  health(): Promise<MediaNodeStatus> {
    return this.registry.current();
  }
}
