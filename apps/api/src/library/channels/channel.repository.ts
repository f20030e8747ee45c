import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, Types } from 'mongoose';
import { type NewTenantDoc, TenantRepository } from '../../org/repositories/tenant.repository';
import type { ChannelAudience } from './policy/channel-access.policy';
import { Channel } from './channel.schema';

const LIST_LIMIT = 200;

/** A new channel's fields (timestamps are set by Mongo). */
export type NewChannelDoc = Omit<NewTenantDoc<Channel>, 'createdAt' | 'updatedAt'>;

/**
 * The library_channels collection. Writes go through TenantRepository (always by community);
 * reads across communities (district and public channels) name the viewer's audience instead,
 * so a query can never reach a channel the viewer may not see.
 */
@Injectable()
export class ChannelRepository extends TenantRepository<Channel> {
  constructor(@InjectModel(Channel.name) model: Model<Channel>) {
    super(model, 'name');
  }

  /** Inserts a channel into the community (a clash on its name rejects with Mongo's code 11000). */
  insert(communityId: Types.ObjectId, doc: NewChannelDoc): Promise<Channel> {
    return this.create(communityId, doc as NewTenantDoc<Channel>);
  }

  /** The channels the audience reaches, by community then name (at most 200). */
  findVisible(audience: ChannelAudience): Promise<Channel[]> {
    return this.model
      .find(audienceFilter(audience))
      .sort({ communityId: 1, name: 1, _id: 1 })
      .limit(LIST_LIMIT)
      .lean<Channel[]>()
      .exec();
  }

  /** One channel, if the audience reaches it. */
  findVisibleById(audience: ChannelAudience, id: Types.ObjectId): Promise<Channel | null> {
    return this.model
      .findOne({ $and: [{ _id: id }, audienceFilter(audience)] })
      .lean<Channel>()
      .exec();
  }

  /** One channel by id alone: only for callers holding a signed link to it (the live stream). */
  findForSignedLink(id: Types.ObjectId): Promise<Channel | null> {
    return this.model.findOne({ _id: id }).lean<Channel>().exec();
  }
}

/** Its own community's channels, `district` ones of its district, public ones, and all of a district it manages. */
function audienceFilter(audience: ChannelAudience): FilterQuery<Channel> {
  const or: FilterQuery<Channel>[] = [{ visibility: 'public' }];
  if (audience.communityId) or.push({ communityId: audience.communityId });
  if (audience.district) or.push({ district: audience.district, visibility: 'district' });
  if (audience.managesDistrict) or.push({ district: audience.managesDistrict });
  return { $or: or };
}
