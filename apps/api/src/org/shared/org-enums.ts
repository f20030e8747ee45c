import type { CommunityKind, SchoolKind, SchoolStage } from '@tongke/contracts';

// The values of the contracts' string unions, for DTO validation and OpenAPI enums.
export const COMMUNITY_KINDS: readonly CommunityKind[] = ['community', 'group', 'alliance'];
export const SCHOOL_KINDS: readonly SchoolKind[] = ['urban', 'rural'];
export const SCHOOL_STAGES: readonly SchoolStage[] = ['primary', 'junior', 'nine_year'];
