import type { ChannelView, CreateChannelRequest, ResourceVisibility, UpdateChannelRequest } from '@tongke/contracts';
import { CHANNEL_LIMITS } from '@tongke/contracts/library/channel-values';

// Creating and editing a channel: name, description, who may watch (and, for district admins,
// in which community).

export interface ChannelForm {
  name: string;
  description: string;
  visibility: ResourceVisibility;
  /** District admins pick the community; others leave it empty (their own). */
  communityId: string;
}

export type ChannelProblem = 'name' | 'description' | 'community';

export function channelForm(channel?: ChannelView, communityId = ''): ChannelForm {
  return {
    name: channel?.name ?? '',
    description: channel?.description ?? '',
    visibility: channel?.visibility ?? 'community',
    communityId: channel?.communityId ?? communityId,
  };
}

export function channelProblems(form: ChannelForm, needsCommunity: boolean): ChannelProblem[] {
  const problems: ChannelProblem[] = [];
  const name = form.name.trim();
  if (!name || name.length > CHANNEL_LIMITS.nameMax) problems.push('name');
  if (form.description.trim().length > CHANNEL_LIMITS.descriptionMax) problems.push('description');
  if (needsCommunity && !form.communityId) problems.push('community');
  return problems;
}

export function createChannelRequest(form: ChannelForm): CreateChannelRequest {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    visibility: form.visibility,
    ...(form.communityId && { communityId: form.communityId }),
  };
}

/** Only what changed (an empty object when nothing did). */
export function updateChannelRequest(form: ChannelForm, channel: ChannelView): UpdateChannelRequest {
  const name = form.name.trim();
  const description = form.description.trim();
  return {
    ...(name !== channel.name && { name }),
    ...(description !== channel.description && { description }),
    ...(form.visibility !== channel.visibility && { visibility: form.visibility }),
  };
}
