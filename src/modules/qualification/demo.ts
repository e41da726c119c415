import type { DemoSeedContext } from '../../platform/module.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';

const CURRICULUM = [
  ['Vielfalt in der Kommune verstehen', 'Begriffe, Zahlen zur eigenen Kommune, rechtlicher Rahmen', 6],
  ['Interkulturelle Öffnung der Verwaltung', 'Zugänge prüfen, Angebote mehrsprachig und barrierearm machen', 8],
  ['Beteiligung gestalten', 'Formate für Bürgerdialoge und Ideenwerkstätten planen und moderieren', 8],
  ['Netzwerke aufbauen', 'Migrantenorganisationen, Vereine und Betriebe zusammenbringen', 6],
  ['Praxisprojekt und Transfer', 'Ein Vorhaben in der eigenen Organisation planen, umsetzen und auswerten', 4],
] as const;

/** Two published programmes with a cohort each, so that the public pages and an application can be tried. */
export async function seedQualificationDemo({ services, log }: DemoSeedContext): Promise<void> {
  const today = todayInBerlin();
  const month = (offset: number) => {
    const d = new Date(`${today.slice(0, 8)}01T12:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + offset);
    return d.toISOString().slice(0, 10);
  };
  await services.db.transaction().execute(async (trx) => {
    const manager = await trx
      .insertInto('qualification_programmes')
      .values({
        kind: 'diversity_manager',
        title: 'Vielfaltsmanagerin und Vielfaltsmanager',
        description: 'Das Curriculum für die Menschen, die Vielfalt in ihrer Kommune verankern (Demo).',
        published: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programme_modules')
      .values(CURRICULUM.map(([title, goals, hours], i) => ({ programme_id: manager.id, position: i + 1, title, learning_goals: goals, hours })))
      .execute();
    const clubs = await trx
      .insertInto('qualification_programmes')
      .values({
        kind: 'multiplier',
        target_group: 'club_boards',
        title: 'Vielfalt im Verein',
        description: 'Für Vereinsvorstände: neue Mitglieder aus allen Kulturen gewinnen (Demo).',
        published: true,
        min_attendance_percent: 75,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programme_modules')
      .values([
        { programme_id: clubs.id, position: 1, title: 'Wer fehlt in unserem Verein?', learning_goals: 'Mitgliederstruktur und Zugänge ansehen', hours: 3 },
        { programme_id: clubs.id, position: 2, title: 'Ansprache und Willkommen', learning_goals: 'Einladungen, Patenschaften, mehrsprachige Informationen', hours: 3 },
      ])
      .execute();
    await trx
      .insertInto('cohorts')
      .values([
        { programme_id: manager.id, title: `Kohorte ${month(2).slice(0, 4)}`, region: 'Südhessen', starts_on: month(2), ends_on: month(8), capacity: 20 },
        { programme_id: clubs.id, title: 'Abendkurs', region: 'Mittelhessen', starts_on: month(1), ends_on: month(3), capacity: 15 },
      ])
      .execute();
  });
  log('demo qualification: 2 programmes with cohorts');
}
