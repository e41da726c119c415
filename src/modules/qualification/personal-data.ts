import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { qualificationRepository } from './repository.ts';
import { trainingRepository } from './training/repository.ts';

/**
 * Applications, attendance, project states and self-assessment scores keep the cohort's numbers
 * right after deletion, without the motivation, the project texts or the person. A certificate
 * stays (its code still checks as issued) but no longer names its holder, on the public check page
 * nor in its PDF.
 */
export const qualificationPersonalData: PersonalDataHandler = {
  name: 'qualification',
  async exportFor(db, userId) {
    return { applications: await qualificationRepository(db).enrolmentsOfUser(userId), training: await trainingRepository(db).personalData(userId) };
  },
  async anonymise(trx, userId) {
    // Before the enrolment loses its person: the project texts and certificates are found through it.
    await trainingRepository(trx).blankProjectsOf(userId);
    // The certificates are found through the enrolments, so their names go first.
    await qualificationRepository(trx).anonymiseCertificatesOf(userId);
    await qualificationRepository(trx).anonymiseEnrolmentsOf(userId);
    await qualificationRepository(trx).removeTrainer(userId);
  },
};
