import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Types } from 'mongoose';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { CommunityRepository } from '../repositories/community.repository';
import { SchoolRepository } from '../repositories/school.repository';
import { UserRepository } from '../repositories/user.repository';
import type { Community } from '../schemas/community.schema';
import type { User } from '../schemas/user.schema';
import { CommunityDirectory } from './community-directory';
import { DirectoryCache } from './directory.cache';
import { ALL_CHANGED, type OrgChange } from './org-change';
import { OrgChangeChannel } from './org-change-channel.adapter';
import { onOrgWrite } from './org-write.hooks';

/** The tag of accounts outside any community (district admins): only "everything changed" reaches them. */
const DISTRICT_WIDE = 'district-wide';

/** A district's communities (a list spans communities, so any org change drops every list). */
interface DistrictCommunities {
  district: string;
  communities: Community[];
}
// Longer than RedisService's connect timeout, so an unreachable Redis is reported as such first.
const SUBSCRIBE_TIMEOUT_MS = 15_000;

/**
 * In-process read model of the org data the hot paths need: per community a snapshot of its
 * schools, classrooms and accounts (see CommunityDirectory), plus accounts and communities by id
 * for the auth guard and each district's communities (insight scopes). Never stale after a write: every write to these collections (hooked in
 * their schemas, see watchOrgWrites) drops the affected entries here before it answers and is
 * published to the other API processes, which drop theirs on the message. While the Redis
 * subscription is down nothing is kept (messages could be missed), and everything is dropped
 * when it is back.
 */
@Injectable()
export class OrgDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrgDirectory.name);
  /** This process's id on the channel (it skips its own messages: it dropped its entries already). */
  private readonly origin = randomUUID();
  private readonly snapshots = new DirectoryCache<CommunityDirectory>((d) => d.communityId.toHexString());
  private readonly users = new DirectoryCache<User>((u) => u.communityId?.toHexString() ?? DISTRICT_WIDE);
  private readonly communities = new DirectoryCache<Community>((c) => c._id.toHexString());
  private readonly districts = new DirectoryCache<DistrictCommunities>(() => DISTRICT_WIDE);
  private live = false;
  private stopWatching?: () => void;
  private unsubscribe?: () => Promise<void>;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly channel: OrgChangeChannel,
    private readonly userDocs: UserRepository,
    private readonly schoolDocs: SchoolRepository,
    private readonly classroomDocs: ClassroomRepository,
    private readonly communityDocs: CommunityRepository,
  ) {}

  /** Listens to this process's writes, and subscribes to the others' before the API serves. */
  async onModuleInit(): Promise<void> {
    this.stopWatching = onOrgWrite(this.connection, (change) => this.onOwnWrite(change));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('Redis did not accept the org-change subscription')),
        SUBSCRIBE_TIMEOUT_MS,
      );
    });
    const subscriber = {
      onChange: (change: OrgChange) => this.drop(change),
      onLive: (live: boolean) => this.setLive(live),
    };
    try {
      this.unsubscribe = await Promise.race([this.channel.subscribe(this.origin, subscriber), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopWatching?.();
    this.setLive(false);
    await this.unsubscribe?.();
  }

  /** The community's schools, classrooms and accounts (empty for an unknown id). */
  async of(communityId: Types.ObjectId): Promise<CommunityDirectory> {
    const key = communityId.toHexString();
    const directory = await this.cached(this.snapshots, key, () => this.load(communityId), key);
    return directory ?? new CommunityDirectory(communityId, { schools: [], classrooms: [], users: [] });
  }

  /** The account behind a token, if it exists and is enabled (platform-wide by id: the token names no community). */
  async activeUser(id: Types.ObjectId): Promise<User | null> {
    const user = await this.cached(this.users, id.toHexString(), () => this.userDocs.findById(id));
    if (!user || user.disabled) return null;
    return { ...user, roles: [...user.roles], subjects: [...(user.subjects ?? [])] };
  }

  async community(id: Types.ObjectId): Promise<Community | null> {
    const key = id.toHexString();
    const community = await this.cached(this.communities, key, () => this.communityDocs.findById(id), key);
    return community && { ...community };
  }

  /** The communities of a district (education bureau), by name (copies: callers may not change the kept list). */
  async districtCommunities(district: string): Promise<Community[]> {
    const load = async () => ({ district, communities: await this.communityDocs.findByDistrict(district) });
    const found = await this.cached(this.districts, district, load);
    return (found?.communities ?? []).map((c) => ({ ...c }));
  }

  private cached<V>(cache: DirectoryCache<V>, key: string, load: () => Promise<V | null>, tag?: string) {
    return this.live ? cache.get(key, load, tag) : load();
  }

  private async load(communityId: Types.ObjectId): Promise<CommunityDirectory> {
    const [schools, classrooms, users] = await Promise.all([
      this.schoolDocs.findByCommunity(communityId),
      this.classroomDocs.findByCommunity(communityId),
      this.userDocs.findByCommunity(communityId),
    ]);
    return new CommunityDirectory(communityId, { schools, classrooms, users });
  }

  private async onOwnWrite(change: OrgChange): Promise<void> {
    this.drop(change);
    try {
      await this.channel.publish(change, this.origin);
    } catch (err) {
      this.logger.warn(`could not publish an org change: ${(err as Error).message}`);
    }
  }

  private drop(change: OrgChange): void {
    this.snapshots.invalidate(change);
    this.users.invalidate(change);
    this.communities.invalidate(change);
    // A new, renamed or moved community changes some district's list, whichever community it names.
    this.districts.invalidate(ALL_CHANGED);
  }

  private setLive(live: boolean): void {
    this.drop(ALL_CHANGED);
    this.live = live;
  }
}
