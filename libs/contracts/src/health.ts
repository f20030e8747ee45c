import type { MediaNodeStatus } from './media-node';

export interface ComponentHealth {
  status: 'up' | 'down';
  message?: string;
}

/** GET /api/health (the @nestjs/terminus shape): 200 when all is up, 503 otherwise. */
export interface HealthReport {
  status: 'ok' | 'error' | 'shutting_down';
  details: {
    mongodb: ComponentHealth;
    redis: ComponentHealth;
    media: ComponentHealth & { nodes?: MediaNodeStatus[] };
  };
}
