import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';

/**
 * Progress updates name their author inside the workspace. The export lists them; on deletion they
 * stay (they are the municipality's public record) and point to the anonymised account, which the
 * pages show as "gelöschtes Konto".
 */
export const strategyPersonalData: PersonalDataHandler = {
  name: 'measureUpdates',
  exportFor(db, userId) {
    return db
      .selectFrom('measure_updates as u')
      .innerJoin('measures as m', 'm.id', 'u.measure_id')
      .select(['m.title as measure', 'u.text', 'u.status', 'u.progress', 'u.created_at'])
      .where('u.author_user_id', '=', userId)
      .orderBy('u.created_at')
      .execute();
  },
  async anonymise() {
    // Nothing to change here: the author link now leads to an account without name or e-mail.
  },
};
