export * from './boot/boot';
export * from './errors/app.error';
export * from './errors/http-exception.filter';
export * from './logging/logging.module';
export * from './redis/redis.module';
export * from './redis/redis.service';
export * from './redact-url';
export * from './media-nodes/media-node.directory';
