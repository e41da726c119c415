import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { municipalitiesRepository } from './repository.ts';

/**
 * Fifteen of the 47 Hessian towns with 20,000–50,000 inhabitants, spread over the three
 * administrative regions. Their participation is invented for the demo.
 */
export const DEMO_PARTICIPANTS: Array<{ ags: string; joinedOn: string; cohort: string; districts: string[] }> = [
  { ags: '06431002', joinedOn: '2025-03-01', cohort: 'Kohorte 2025', districts: ['Kernstadt', 'Auerbach', 'Schönberg', 'Zell'] },
  { ags: '06431020', joinedOn: '2025-03-01', cohort: 'Kohorte 2025', districts: ['Innenstadt', 'Nordweststadt', 'Bannholzgraben'] },
  { ags: '06432008', joinedOn: '2025-09-01', cohort: 'Kohorte 2025', districts: ['Kernstadt', 'Nord', 'Süd'] },
  { ags: '06433008', joinedOn: '2025-03-01', cohort: 'Kohorte 2025', districts: ['Mörfelden', 'Walldorf'] },
  { ags: '06434008', joinedOn: '2026-02-01', cohort: 'Kohorte 2026', districts: ['Kernstadt', 'Bommersheim', 'Oberstedten', 'Weißkirchen'] },
  { ags: '06435019', joinedOn: '2025-03-01', cohort: 'Kohorte 2025', districts: ['Bischofsheim', 'Dörnigheim', 'Hochstadt', 'Wachenbuchen'] },
  { ags: '06438001', joinedOn: '2025-09-01', cohort: 'Kohorte 2025', districts: ['Altstadt', 'Spessartviertel', 'Steinberg'] },
  { ags: '06438011', joinedOn: '2026-02-01', cohort: 'Kohorte 2026', districts: ['Jügesheim', 'Nieder-Roden', 'Dudenhofen', 'Weiskirchen'] },
  { ags: '06440003', joinedOn: '2026-02-01', cohort: 'Kohorte 2026', districts: ['Kernstadt', 'Heilsberg', 'Dortelweil'] },
  { ags: '06532006', joinedOn: '2025-09-01', cohort: 'Kohorte 2025', districts: ['Kernstadt', 'Frohnhausen', 'Manderbach'] },
  { ags: '06533009', joinedOn: '2025-03-01', cohort: 'Kohorte 2025', districts: ['Innenstadt', 'Blumenrod', 'Staffel', 'Linter'] },
  { ags: '06534018', joinedOn: '2026-02-01', cohort: 'Kohorte 2026', districts: ['Kernstadt', 'Niederklein', 'Schweinsberg'] },
  { ags: '06632002', joinedOn: '2025-09-01', cohort: 'Kohorte 2025', districts: ['Innenstadt', 'Hohe Luft', 'Eichhof'] },
  { ags: '06633003', joinedOn: '2025-03-01', cohort: 'Kohorte 2025', districts: ['Altenbauna', 'Altenritte', 'Großenritte', 'Rengershausen'] },
  { ags: '06635015', joinedOn: '2026-02-01', cohort: 'Kohorte 2026', districts: ['Kernstadt', 'Lelbach', 'Meineringhausen'] },
];

export async function seedMunicipalityDemo({ services, log }: DemoSeedContext): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    const repo = municipalitiesRepository(trx);
    for (const participant of DEMO_PARTICIPANTS) {
      const municipality = await repo.findByAgs(participant.ags);
      if (!municipality) throw new Error(`demo municipality ${participant.ags} is not in the register`);
      await repo.upsertParticipation({ municipality_id: municipality.id, joined_on: participant.joinedOn, cohort_label: participant.cohort });
      for (const name of participant.districts) await repo.insertDistrict({ municipality_id: municipality.id, name, description: '' });
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.participation_seeded', entityType: 'programme', after: { municipalities: DEMO_PARTICIPANTS.length } });
  });
  log(`demo: ${DEMO_PARTICIPANTS.length} participating municipalities`);
}
