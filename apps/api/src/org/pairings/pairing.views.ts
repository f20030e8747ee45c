import type { PairingView } from '@tongke/contracts';
import type { Pairing } from '../schemas/pairing.schema';
import { isPairingActive } from './pairing.policy';

/** What clients see of a pairing; `active` on `today` (the community's local date). */
export function toPairingView(pairing: Pairing, today: string): PairingView {
  return {
    id: pairing._id.toString(),
    communityId: pairing.communityId.toString(),
    leadSchoolId: pairing.leadSchoolId.toString(),
    memberSchoolId: pairing.memberSchoolId.toString(),
    since: pairing.since,
    ...(pairing.until !== undefined && pairing.until !== null && { until: pairing.until }),
    active: isPairingActive(pairing, today),
  };
}
