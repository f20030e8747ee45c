import type { InsightLevel, SchoolKind, SchoolStage } from '@tongke/contracts';

// What one insight request may see, resolved from the caller's roles and the query's
// communityId / schoolId (InsightScopeResolver): indicators, live view and export read only this.

export interface ScopeSchool {
  id: string;
  name: string;
  communityId: string;
  kind: SchoolKind;
  stage: SchoolStage;
  studentCount: number;
}

export interface ScopeCommunity {
  id: string;
  name: string;
  /** IANA zone of the community's local days. */
  timeZone: string;
  /** The schools in scope (a school admin's scope holds only their school). */
  schools: ScopeSchool[];
}

export interface ResolvedScope {
  level: InsightLevel;
  district: string;
  /** Display name of what is in scope: the district, the community or the school. */
  name: string;
  communities: ScopeCommunity[];
  /** Set when the scope is one school. */
  schoolId?: string;
}
