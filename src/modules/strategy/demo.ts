import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { MeasureStatus } from './tables.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { districtOptions, participatingMunicipalities } from '../municipalities/index.ts';
import { strategyRepository } from './repository.ts';

/** A small deterministic generator (mulberry32): the demo is the same on every installation. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS: Array<{ name: string; description: string; goals: string[]; measures: string[] }> = [
  {
    name: 'Teilhabe und Beteiligung',
    description: 'Alle Einwohnerinnen und Einwohner reden mit, wenn es um ihre Stadt geht.',
    goals: ['Mehr Menschen mit Einwanderungsgeschichte beteiligen sich an Bürgerbeteiligung', 'Der Ausländerbeirat wird gestärkt'],
    measures: [
      'Beteiligungswerkstatt in einfacher Sprache',
      'Mehrsprachige Einladungen zu Bürgerversammlungen',
      'Patenschaften für neue Mitglieder im Ausländerbeirat',
      'Stadtteilspaziergänge mit Dolmetschenden',
      'Jugendforum „Meine Stadt“',
    ],
  },
  {
    name: 'Bildung und Sprache',
    description: 'Sprache öffnet Türen – vom Kindergarten bis zur Erwachsenenbildung.',
    goals: ['Sprachförderung erreicht alle Altersgruppen', 'Eltern sind Partner der Bildungseinrichtungen'],
    measures: ['Sprachcafé in der Stadtbücherei', 'Elternlotsinnen an Grundschulen', 'Lesepatenschaften in Kitas', 'Berufsbezogene Deutschkurse am Abend', 'Mehrsprachige Vorlesestunde'],
  },
  {
    name: 'Arbeit und Ausbildung',
    description: 'Vielfalt in Betrieben und Ausbildung wird gefördert und sichtbar.',
    goals: ['Mehr Ausbildungsplätze für junge Geflüchtete', 'Betriebe öffnen sich interkulturell'],
    measures: ['Ausbildungsmesse mit Betrieben aus der Region', 'Mentoring für Auszubildende', 'Workshop „Vielfalt im Betrieb“ für Ausbildende', 'Anerkennungsberatung für ausländische Abschlüsse'],
  },
  {
    name: 'Verwaltung interkulturell öffnen',
    description: 'Die Stadtverwaltung ist für alle da und spiegelt die Stadtgesellschaft.',
    goals: ['Beschäftigte sind interkulturell geschult', 'Formulare und Auskünfte sind verständlich'],
    measures: ['Schulungsreihe interkulturelle Kompetenz', 'Leichte Sprache für die wichtigsten Formulare', 'Willkommensmappe für Neuzugezogene', 'Mehrsprachige Beschilderung im Bürgerbüro'],
  },
  {
    name: 'Zusammenleben im Quartier',
    description: 'Nachbarschaften, in denen sich alle zu Hause fühlen.',
    goals: ['Begegnungsorte in jedem Stadtteil'],
    measures: ['Nachbarschaftsfest im Stadtteil', 'Interkultureller Gemeinschaftsgarten', 'Quartierstreff mit offenen Sprechstunden', 'Kochabende „Küchen der Welt“'],
  },
  {
    name: 'Antidiskriminierung',
    description: 'Diskriminierung wird erkannt, benannt und abgebaut.',
    goals: ['Betroffene finden schnell Beratung', 'Schulen und Vereine handeln gegen Rassismus'],
    measures: ['Anlaufstelle Antidiskriminierung im Rathaus', 'Fortbildung für Vereinsvorstände', 'Aktionswochen gegen Rassismus', 'Beschwerdemanagement in der Verwaltung'],
  },
  {
    name: 'Sport, Kultur und Vereine',
    description: 'Vereine und Kultur als Orte, an denen Vielfalt gelebt wird.',
    goals: ['Vereine gewinnen neue Mitglieder aus allen Gruppen'],
    measures: ['Schnuppertraining für Neuzugezogene', 'Interkulturelles Stadtfest', 'Vereinsberatung zu Vielfalt im Vorstand', 'Theaterprojekt mit Jugendlichen'],
  },
];

const ORGANISATIONS = [
  'Integrationsbüro der Stadt',
  'Volkshochschule',
  'Familienzentrum Nord',
  'Stadtbücherei',
  'Jugendamt',
  'Ausländerbeirat',
  'Quartiersmanagement',
  'Jobcenter',
  'Kreishandwerkerschaft',
  'Sportkreis',
  'Kulturamt',
  'Caritasverband',
];

const UPDATE_TEXTS = [
  'Auftakttreffen mit allen Beteiligten hat stattgefunden.',
  'Konzept ist abgestimmt, die Umsetzung beginnt.',
  'Erste Veranstaltung mit guter Resonanz durchgeführt.',
  'Zwischenstand im Fachausschuss vorgestellt.',
  'Kooperationspartner aus dem Stadtteil gewonnen.',
  'Personelle Engpässe, Termine verschieben sich.',
  'Rückmeldungen der Teilnehmenden ausgewertet und Angebot angepasst.',
  'Abschlussbericht liegt vor.',
];

const STATUS_PLAN: MeasureStatus[] = ['planned', 'running', 'running', 'running', 'done', 'done', 'paused', 'dropped'];

function isoDate(base: Date, days: number): string {
  return new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedStrategyDemo({ services, log }: DemoSeedContext): Promise<void> {
  const participants = await participatingMunicipalities(services.db);
  let measureTotal = 0;
  await services.db.transaction().execute(async (trx) => {
    const repo = strategyRepository(trx);
    const coordinators = await trx.selectFrom('role_assignments').select(['user_id', 'municipality_id']).where('role', '=', 'coordinator').execute();
    for (const [index, municipality] of participants.entries()) {
      const next = random(Number(municipality.ags));
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const author = coordinators.find((c) => c.municipality_id === municipality.id)?.user_id ?? null;
      const joined = new Date(`${municipality.joined_on}T12:00:00Z`);
      await repo.insertVersion({
        municipality_id: municipality.id,
        title: `Vielfaltsstrategie ${municipality.name}`,
        version_label: '1.0',
        adopted_on: isoDate(joined, 120 + Math.floor(next() * 60)),
        summary: `${municipality.name} will Vielfalt in Verwaltung, Bildung und Nachbarschaft verankern. Die Strategie wurde mit Vereinen, Schulen, Betrieben und dem Ausländerbeirat erarbeitet und von der Stadtverordnetenversammlung beschlossen.`,
        document_file_id: null,
      });
      const fieldCount = 4 + Math.floor(next() * 4);
      const offset = index % FIELDS.length;
      const chosen = Array.from({ length: fieldCount }, (_, i) => FIELDS[(offset + i) % FIELDS.length] as (typeof FIELDS)[number]);
      const districts = await districtOptions(trx, municipality.id);
      const measureTarget = 10 + Math.floor(next() * 21);
      const measures: Array<NewRow<'measures'>> = [];
      const fieldIds: Array<{ fieldId: number; goalIds: number[]; titles: string[] }> = [];
      for (const [position, field] of chosen.entries()) {
        const { id: fieldId } = await repo.insertField({ municipality_id: municipality.id, name: field.name, description: field.description, position: position + 1 });
        const goalIds: number[] = [];
        for (const [goalPosition, title] of field.goals.slice(0, 1 + Math.floor(next() * field.goals.length)).entries()) {
          goalIds.push((await repo.insertGoal({ field_id: fieldId, title, description: '', position: goalPosition + 1 })).id);
        }
        fieldIds.push({ fieldId, goalIds, titles: field.measures });
      }
      for (let i = 0; i < measureTarget; i++) {
        const field = fieldIds[i % fieldIds.length] as (typeof fieldIds)[number];
        const baseTitle = field.titles[Math.floor(i / fieldIds.length) % field.titles.length] as string;
        const round = Math.floor(i / (fieldIds.length * field.titles.length));
        const status = pick(STATUS_PLAN);
        const start = isoDate(joined, Math.floor(next() * 300));
        measures.push({
          municipality_id: municipality.id,
          field_id: field.fieldId,
          goal_id: next() < 0.85 ? pick(field.goalIds) : null,
          district_id: districts.length && next() < 0.4 ? pick(districts).id : null,
          title: round > 0 ? `${baseTitle} (${round + 1}. Runde)` : baseTitle,
          description: `${baseTitle} – eine Maßnahme der Vielfaltsstrategie ${municipality.name}.`,
          responsible_org: pick(ORGANISATIONS),
          starts_on: start,
          ends_on: next() < 0.8 ? isoDate(new Date(`${start}T12:00:00Z`), 90 + Math.floor(next() * 540)) : null,
          status,
          progress: status === 'done' ? 100 : status === 'planned' ? 0 : status === 'dropped' ? Math.floor(next() * 30) : 10 + Math.floor(next() * 80),
        });
      }
      const inserted = await trx.insertInto('measures').values(measures).returning(['id', 'status', 'progress', 'starts_on']).execute();
      const updates: Array<NewRow<'measure_updates'>> = [];
      for (const measure of inserted) {
        const count = measure.status === 'planned' ? Math.floor(next() * 2) : 1 + Math.floor(next() * 5);
        for (let u = 0; u < count; u++) {
          const last = u === count - 1;
          updates.push({
            measure_id: measure.id,
            author_user_id: author,
            text: pick(UPDATE_TEXTS),
            status: last ? measure.status : 'running',
            progress: last ? measure.progress : Math.round((measure.progress * (u + 1)) / count),
            created_at: `${isoDate(new Date(`${measure.starts_on ?? municipality.joined_on}T12:00:00Z`), 20 + u * 45)}T10:00:00Z`,
          });
        }
      }
      if (updates.length) await trx.insertInto('measure_updates').values(updates).execute();
      measureTotal += inserted.length;
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.strategies_seeded', entityType: 'programme', after: { municipalities: participants.length, measures: measureTotal } });
  });
  log(`demo: strategies with ${measureTotal} measures in ${participants.length} municipalities`);
}
