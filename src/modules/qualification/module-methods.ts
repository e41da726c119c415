import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { checkMethodIds, methodLinks, methodPicker } from '../../platform/method-links.ts';
import type { AppServices } from '../../platform/module.ts';
import { programmeModulesByIds } from './lookup-repository.ts';
import { can } from './policy.ts';

/**
 * The method cards of the toolkit a training module uses (platform/method-links.ts). Modules are
 * the Land's, not a town's: the programme office names them, as it writes the modules.
 */
export function moduleMethodService(services: Pick<AppServices, 'db' | 'modules'>) {
  const { db } = services;
  const links = methodLinks(services);

  /** The module of the programme in the URL: 404 for a module of another programme or none. */
  async function moduleOf(programmeId: number, moduleId: number) {
    const [module] = await programmeModulesByIds(db, [moduleId]);
    if (!module || module.programme_id !== programmeId) throw AppError.notFound();
    return module;
  }

  return {
    moduleOf,
    /** The module and its picker: the cards ticked (as sent after an error or a search, else as stored) and a page of others. */
    async form(programmeId: number, moduleId: number, ticked: string[] | undefined, values: Record<string, string | undefined>) {
      const module = await moduleOf(programmeId, moduleId);
      const named = ticked ?? (links ? await links.named(db, 'training_module', moduleId) : []);
      return { module, choices: await methodPicker(links, db, named, values) };
    },
    async setMethods(actor: Actor, programmeId: number, moduleId: number, methodIds: number[]): Promise<void> {
      if (!can(actor, 'manage', { published: false })) throw AppError.forbidden();
      const module = await moduleOf(programmeId, moduleId);
      const errors = await checkMethodIds(links, db, methodIds);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      if (!links) return;
      await db.transaction().execute(async (trx) => {
        const before = await links.named(trx, 'training_module', moduleId);
        await links.replace(trx, { kind: 'training_module', objectId: moduleId, municipalityId: null, isPublic: module.published }, methodIds);
        await writeAudit(trx, actor, {
          action: 'programme.module_methods_set',
          entityType: 'programme',
          entityId: programmeId,
          before: { moduleId, methodIds: before },
          after: { moduleId, methodIds },
        });
      });
    },
  };
}
