import type {
  AddProgrammeRequest,
  ChannelView,
  CreateChannelRequest,
  ProgrammeEntryView,
  ProgrammeGuideView,
  UpdateChannelRequest,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from './api-client';

// Rebroadcast channels (空中云课堂): channels, their programme and guide. The live stream itself is
// the signed `liveUrl` of a channel view, played by hls.js without the bearer token.

const enc = encodeURIComponent;
const channel = (id: string) => `/api/library/channels/${enc(id)}`;

/** The channels the user may watch, with what plays now and next. */
export function listChannels(): Promise<ChannelView[]> {
  return apiFetch<ChannelView[]>('/api/library/channels');
}

export function getChannel(id: string): Promise<ChannelView> {
  return apiFetch<ChannelView>(channel(id));
}

export function createChannel(body: CreateChannelRequest): Promise<ChannelView> {
  return apiFetch<ChannelView>('/api/library/channels', jsonBody('POST', body));
}

export function updateChannel(id: string, body: UpdateChannelRequest): Promise<ChannelView> {
  return apiFetch<ChannelView>(channel(id), jsonBody('PATCH', body));
}

export function deleteChannel(id: string): Promise<unknown> {
  return apiFetch<unknown>(channel(id), { method: 'DELETE' });
}

/** The guide of local days from..to (default: today and the next 6 days). */
export function getGuide(id: string, from?: string, to?: string): Promise<ProgrammeGuideView> {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const query = q.toString();
  return apiFetch<ProgrammeGuideView>(`${channel(id)}/guide${query ? `?${query}` : ''}`);
}

/** POST …/programme; 409 SCHEDULE_CONFLICT carries ProgrammeConflict[] in `ApiError.details`. */
export function addProgramme(id: string, body: AddProgrammeRequest): Promise<ProgrammeEntryView[]> {
  return apiFetch<ProgrammeEntryView[]>(`${channel(id)}/programme`, jsonBody('POST', body));
}

export function deleteProgrammeEntry(id: string, entryId: string): Promise<unknown> {
  return apiFetch<unknown>(`${channel(id)}/programme/${enc(entryId)}`, { method: 'DELETE' });
}
