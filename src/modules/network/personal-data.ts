import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { networkRepository } from './repository.ts';

/**
 * A network person may be linked to a platform account. The export lists those entries with their
 * consent and memberships; deleting the account ends them as a revocation would (name, link and
 * memberships removed, the time of revocation kept).
 */
export const networkPersonalData: PersonalDataHandler = {
  name: 'networkPeople',
  exportFor(db, userId) {
    return networkRepository(db).peopleOfUser(userId);
  },
  anonymise(trx, userId) {
    return networkRepository(trx).anonymiseUser(userId);
  },
};
