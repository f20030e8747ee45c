// Runtime values of @tongke/contracts, imported from their own modules: the package index
// also carries the zod request and record-event schemas, which would put zod into the
// browser bundle for nothing (the media node validates). Types still come from the index.
export { ErrorCode } from '@tongke/contracts/error-code.enum';
export { fail, ok } from '@tongke/contracts/ack';
export { LessonRole, MEDIA_SOURCES } from '@tongke/contracts/live/lesson-role';
export { INTERACTION_MODES, PERMISSIONS } from '@tongke/contracts/live/permissions';
export { JOIN_TOKEN_TTL_S } from '@tongke/contracts/live/join-token';
