import { FIGURES_NIGHTLY_JOB } from './figure-store.ts';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import type { AppServices } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { catalogueRepository, type IndicatorVersionInput } from './catalogue-repository.ts';
import { parsePeriod } from './periods.ts';
import type { Indicator } from './service.ts';

/** The fields of a version as the next version would copy them. */
function inputOf(indicator: Indicator): IndicatorVersionInput {
  return {
    name_de: indicator.name_de,
    name_en: indicator.name_en,
    definition_de: indicator.definition_de,
    definition_en: indicator.definition_en,
    unit: indicator.unit,
    numerator_source: indicator.numerator_source,
    numerator_filter: indicator.numerator_filter,
    denominator_source: indicator.denominator_source,
    denominator_filter: indicator.denominator_filter,
    factor: Number(indicator.factor),
    decimals: indicator.decimals,
    direction: indicator.direction,
  };
}

const same = (a: IndicatorVersionInput, b: IndicatorVersionInput) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * The programme office's editing of the catalogue. A change or a retirement is a new version (the
 * old one stays, closed), so a report frozen with version N still says what it counted; targets
 * and hand-entered values carry who set them and when. Every step is audited in its transaction.
 */
export function catalogueService(services: AppServices) {
  const { db } = services;

  async function checkedTown(townId: number | undefined): Promise<number | null> {
    if (townId === undefined) return null;
    const towns = await participatingMunicipalities(db);
    if (!towns.some((town) => town.id === townId)) throw new ValidationError({ townId: { key: 'validation.choice' } });
    return townId;
  }

  function checkedPeriod(code: string): string {
    const period = parsePeriod(code);
    if (!period) throw new ValidationError({ period: { key: 'monitoring.catalogue.period_invalid' } });
    return period.code;
  }

  /** A changed catalogue makes the kept figures unusable (the pages count live meanwhile): count them all again in the background. */
  async function recountAfter<T extends { changed: boolean }>(change: Promise<T>): Promise<T> {
    const result = await change;
    if (result.changed) await services.jobs.trigger(FIGURES_NIGHTLY_JOB).catch(() => undefined);
    return result;
  }

  return {
    /** A new version with the changed definition; nothing happens when nothing changed. */
    async changeIndicator(actor: Actor, code: string, input: IndicatorVersionInput): Promise<{ changed: boolean; version: number }> {
      return recountAfter(
        db.transaction().execute(async (trx) => {
          const repo = catalogueRepository(trx);
          const current = await repo.currentForUpdate(code);
          if (!current) throw AppError.notFound();
          if (same(inputOf(current), input)) return { changed: false, version: current.version };
          const next = await repo.addVersion(code, input, current.status, actorUserId(actor));
          await writeAudit(trx, actor, {
            action: 'monitoring.indicator_changed',
            entityType: 'monitoring_indicator',
            entityId: code,
            before: { version: current.version, ...inputOf(current) },
            after: { version: next.version, ...input },
          });
          return { changed: true, version: next.version };
        }),
      );
    },

    /** Retires an indicator (it leaves the key figures) or takes it up again, as a new version. */
    async setStatus(actor: Actor, code: string, status: 'active' | 'retired'): Promise<{ changed: boolean }> {
      return recountAfter(
        db.transaction().execute(async (trx) => {
          const repo = catalogueRepository(trx);
          const current = await repo.currentForUpdate(code);
          if (!current) throw AppError.notFound();
          if (current.status === status) return { changed: false };
          const next = await repo.addVersion(code, inputOf(current), status, actorUserId(actor));
          await writeAudit(trx, actor, {
            action: status === 'retired' ? 'monitoring.indicator_retired' : 'monitoring.indicator_reactivated',
            entityType: 'monitoring_indicator',
            entityId: code,
            before: { version: current.version, status: current.status },
            after: { version: next.version, status },
          });
          return { changed: true };
        }),
      );
    },

    /** Sets the target of an indicator for a period, for the programme or one participating town. */
    async setTarget(actor: Actor, code: string, input: { period: string; townId?: number; value: number }): Promise<void> {
      const period = checkedPeriod(input.period);
      const town = await checkedTown(input.townId);
      await db.transaction().execute(async (trx) => {
        const repo = catalogueRepository(trx);
        if (!(await repo.current(code))) throw AppError.notFound();
        const { id, before } = await repo.setTarget({ code, period, municipalityId: town, value: input.value, by: actorUserId(actor) });
        await writeAudit(trx, actor, {
          action: 'monitoring.target_set',
          entityType: 'monitoring_target',
          entityId: id,
          municipalityId: town,
          before: before === null ? undefined : { value: before },
          after: { code, period, value: input.value },
        });
      });
    },

    /** Records a value that happened outside the platform, with who entered it, when and a note. */
    async addManualValue(actor: Actor, code: string, input: { period: string; townId?: number; value: number; note?: string }): Promise<void> {
      const period = checkedPeriod(input.period);
      const town = await checkedTown(input.townId);
      await db.transaction().execute(async (trx) => {
        const repo = catalogueRepository(trx);
        if (!(await repo.current(code))) throw AppError.notFound();
        const { id } = await repo.addManualValue({ code, period, municipalityId: town, value: input.value, note: input.note ?? '', by: actorUserId(actor) });
        await writeAudit(trx, actor, {
          action: 'monitoring.manual_value_added',
          entityType: 'monitoring_manual_value',
          entityId: id,
          municipalityId: town,
          after: { code, period, value: input.value, note: input.note ?? '' },
        });
      });
    },
  };
}
