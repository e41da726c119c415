import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';

const IDEAS = [
  [
    'Mehrsprachige Sprechstunde im Rathaus',
    'Einmal im Monat sollte es im Bürgerbüro eine Sprechstunde mit Dolmetschenden geben, damit auch Menschen ohne gute Deutschkenntnisse ihre Anliegen klären können.',
  ],
  ['Treffpunkt für Vereine und Neuzugezogene', 'Die Vereine stellen sich einmal im Jahr auf dem Marktplatz vor, damit neu Zugezogene leichter Anschluss finden.'],
  ['Interkultureller Kalender der Feste', 'Ein gemeinsamer Kalender zeigt, welche Feste die Menschen in unserer Stadt feiern, und lädt zum Mitfeiern ein.'],
  ['Lesepatinnen und Lesepaten für Grundschulen', 'Ehrenamtliche lesen in mehreren Sprachen vor und stärken so die Freude am Lesen.'],
  ['Sitzbänke und Schatten am Spielplatz Nord', 'Mehr Sitzplätze im Schatten machen den Spielplatz zu einem Ort, an dem sich Familien aus der Nachbarschaft begegnen.'],
];

/** One open process per demo town: ideas are being collected right now, so the demo can be tried at once. */
export async function seedParticipationDemo({ services, log }: DemoSeedContext): Promise<void> {
  const towns = (await participatingMunicipalities(services.db)).slice(0, 5);
  const today = todayInBerlin();
  const shift = (days: number) => new Date(new Date(`${today}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
  let proposals = 0;
  await services.db.transaction().execute(async (trx) => {
    const participants = await trx.selectFrom('users').select('id').where('is_demo', '=', true).orderBy('id').execute();
    for (const town of towns) {
      const { id: processId } = await trx
        .insertInto('participation_processes')
        .values({
          municipality_id: town.id,
          title: `Ideen für ein vielfältiges ${town.name}`,
          description: `Was braucht ${town.name}, damit sich alle zu Hause fühlen? Sammeln Sie mit uns Ideen; die Stadt antwortet auf jeden Vorschlag.`,
          field_id: null,
          published: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('process_phases')
        .values([
          { process_id: processId, kind: 'information', starts_on: shift(-30), ends_on: shift(-15) },
          { process_id: processId, kind: 'ideas', starts_on: shift(-14), ends_on: shift(30) },
          { process_id: processId, kind: 'discussion', starts_on: shift(31), ends_on: shift(60) },
          { process_id: processId, kind: 'evaluation', starts_on: shift(61), ends_on: shift(90) },
        ])
        .execute();
      for (const [index, [title, body]] of IDEAS.entries()) {
        const author = participants[(index + processId) % participants.length]?.id ?? null;
        await trx
          .insertInto('proposals')
          .values({
            process_id: processId,
            municipality_id: town.id,
            author_user_id: author,
            title: title as string,
            body: body as string,
            field_id: null,
            district_id: null,
            merged_into_id: null,
            answered_at: null,
          })
          .execute();
        proposals++;
      }
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.processes_seeded', entityType: 'programme', after: { processes: towns.length, proposals } });
  });
  log(`demo: ${towns.length} participation processes with ${proposals} proposals`);
}
