import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { personalDataRepository } from './personal-data-repository.ts';

/**
 * Proposals and comments stay after deletion under "gelöschtes Konto" and supports stay counted;
 * follows and pending notifications go, and so do the photos of the person's proposals: a photo
 * can show the person, their home or their street, and the proposal's text stands without it.
 */
export const participationPersonalData: PersonalDataHandler = {
  name: 'participation',
  exportFor: (db, userId) => personalDataRepository(db).exportFor(userId),
  anonymise: (trx, userId) => personalDataRepository(trx).anonymise(userId),
};
