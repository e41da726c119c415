import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { qualificationRepository } from './repository.ts';
import { trainingRepository } from './training-repository.ts';

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
    await trx
      .updateTable('certificates')
      .set({ holder_name: '–' })
      .where('enrolment_id', 'in', trx.selectFrom('enrolments').select('id').where('user_id', '=', userId))
      .execute();
    await trx.updateTable('enrolments').set({ user_id: null, motivation: '–' }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('cohort_trainers').where('user_id', '=', userId).execute();
  },
};
