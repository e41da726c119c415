import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { qualificationRepository } from './repository.ts';

/** Applications keep the cohort's numbers right after deletion, without the motivation text or the person. */
export const qualificationPersonalData: PersonalDataHandler = {
  name: 'qualification',
  async exportFor(db, userId) {
    return { applications: await qualificationRepository(db).enrolmentsOfUser(userId) };
  },
  async anonymise(trx, userId) {
    await trx.updateTable('enrolments').set({ user_id: null, motivation: '–' }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('cohort_trainers').where('user_id', '=', userId).execute();
  },
};
