import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { qualificationRepository } from './repository.ts';
import { trainingRepository } from './training/repository.ts';

/**
 * Applications, attendance, project states and self-assessment scores keep the cohort's numbers
 * right after deletion, without the motivation, the project texts or the person.
 */
export const qualificationPersonalData: PersonalDataHandler = {
  name: 'qualification',
  async exportFor(db, userId) {
    return { applications: await qualificationRepository(db).enrolmentsOfUser(userId), training: await trainingRepository(db).personalData(userId) };
  },
  async anonymise(trx, userId) {
    // Before the enrolment loses its person: the project texts are found through it.
    await trainingRepository(trx).blankProjectsOf(userId);
    await qualificationRepository(trx).anonymiseEnrolmentsOf(userId);
    await qualificationRepository(trx).removeTrainer(userId);
  },
};
