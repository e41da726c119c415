import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { strategyRepository } from './repository.ts';

/**
 * Progress updates name their author inside the workspace. The export lists them; on deletion they
 * stay (they are the municipality's public record) and point to the anonymised account, which the
 * pages show as "gelöschtes Konto".
 */
export const strategyPersonalData: PersonalDataHandler = {
  name: 'measureUpdates',
  exportFor(db, userId) {
    return strategyRepository(db).updatesByAuthor(userId);
  },
  async anonymise() {
    // Nothing to change here: the author link now leads to an account without name or e-mail.
  },
};
