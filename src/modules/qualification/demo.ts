import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { insertTrainingSession } from '../events/index.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';

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
  const town = (await participatingMunicipalities(services.db))[0];
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
    await trx
      .insertInto('competence_items')
      .values(COMPETENCES.map((statement, i) => ({ programme_id: manager.id, position: i + 1, statement })))
      .execute();
    if (town) await seedRunningCohort(trx, manager.id, town.id, month(-3), month(3));
  });
  log('demo qualification: 2 programmes, 3 cohorts (one running with sessions, attendance, projects and self-assessments)');
}

const COMPETENCES = [
  'Ich kenne die Zahlen zur Vielfalt in meiner Kommune.',
  'Ich kann einen Bürgerdialog mit Menschen unterschiedlicher Herkunft moderieren.',
  'Ich weiß, welche Migrantenorganisationen in meiner Kommune aktiv sind.',
] as const;

const TRAINEES = ['Amira Saleh', 'Bernd Vogel', 'Chiara Conti', 'Deniz Aksoy', 'Elena Petrova', 'Farid Noori'];

/**
 * A cohort half-way through, led by the demo trainer, with Tomasz Teilnehmer and six invented
 * trainees: three sessions held (with attendance), one cancelled, two to come; practice projects in
 * several states; "before" answers from everyone, "after" answers not yet (the course is running).
 */
async function seedRunningCohort(trx: Transaction<Database>, programmeId: number, municipalityId: number, startsOn: string, endsOn: string): Promise<void> {
  const cohort = await trx
    .insertInto('cohorts')
    .values({ programme_id: programmeId, title: 'Kohorte Nord (läuft)', municipality_id: municipalityId, starts_on: startsOn, ends_on: endsOn, capacity: 12, applications_open: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const staff = await trx
    .selectFrom('users')
    .select(['id', 'email', 'password_hash'])
    .where('email', 'in', ['trainerin@demo.vielfalt-verankern.de', 'teilnehmer@demo.vielfalt-verankern.de'])
    .execute();
  const trainer = staff.find((u) => u.email?.startsWith('trainerin'));
  const tomasz = staff.find((u) => u.email?.startsWith('teilnehmer'));
  if (!trainer || !tomasz) return;
  await trx.insertInto('cohort_trainers').values({ cohort_id: cohort.id, user_id: trainer.id }).execute();
  const invented = await trx
    .insertInto('users')
    .values(
      TRAINEES.map((name, i) => ({
        email: `kurs-${i + 1}@demo.vielfalt-verankern.de`,
        password_hash: tomasz.password_hash,
        display_name: name,
        locale: 'de',
        email_verified_at: new Date(),
        is_demo: true,
      })),
    )
    .returning('id')
    .execute();
  await trx
    .insertInto('consents')
    .values(invented.map((u) => ({ user_id: u.id, purpose: 'privacy_notice', version: 'demo' })))
    .execute();
  const accepted = new Date(`${startsOn}T08:00:00Z`);
  const enrolments = await trx
    .insertInto('enrolments')
    .values(
      [tomasz.id, ...invented.map((u) => u.id)].map((userId) => ({
        cohort_id: cohort.id,
        user_id: userId,
        motivation: 'Demo: Ich möchte Vielfalt in meiner Verwaltung verankern.',
        status: 'approved' as const,
        decided_at: accepted,
      })),
    )
    .returning('id')
    .execute();
  const modules = await trx.selectFrom('programme_modules').select(['id', 'title']).where('programme_id', '=', programmeId).orderBy('position').execute();
  const day = 86_400_000;
  const offsets = [-60, -40, -20, -10, 14, 35];
  const sessions = [];
  for (const [i, offset] of offsets.entries()) {
    const starts = new Date(Date.now() + offset * day);
    starts.setUTCHours(8, 0, 0, 0);
    const module = modules[Math.min(i, modules.length - 1)];
    sessions.push(
      await insertTrainingSession(trx, {
        municipalityId,
        title: `Kohorte Nord: ${module?.title ?? 'Termin'}`,
        mode: 'in_person',
        venue: 'Rathaus, Sitzungssaal',
        address: '',
        onlineUrl: '',
        startsAt: starts,
        endsAt: new Date(starts.getTime() + 6 * 3_600_000),
        capacity: 12,
        cohortId: cohort.id,
        moduleId: module?.id ?? null,
        createdBy: trainer.id,
        cancelledAt: offset === -10 ? new Date(starts.getTime() - 2 * day) : null,
        cancelReason: offset === -10 ? 'Referentin erkrankt (Demo)' : '',
      }),
    );
  }
  // Attendance for the three held sessions: most were there, two missed one each.
  const marks = sessions
    .slice(0, 3)
    .flatMap((session, s) => enrolments.map((e, i) => ({ event_id: session.id, enrolment_id: e.id, attended: !((i === 2 && s === 1) || (i === 5 && s === 2)), recorded_by: trainer.id })));
  await trx.insertInto('session_attendance').values(marks).execute();
  const projectStates = ['submitted', 'draft', 'approved', 'changes_requested'] as const;
  await trx
    .insertInto('practice_projects')
    .values(
      projectStates.map((status, i) => ({
        enrolment_id: (enrolments[i] as { id: number }).id,
        goal: 'Demo: Formulare der Bürgerdienste in leichter Sprache und auf Türkisch und Arabisch anbieten',
        organisation: 'Stadtverwaltung, Bürgerbüro',
        steps: 'Bestand erheben, mit dem Integrationsbeirat Prioritäten setzen, Übersetzungen beauftragen',
        result: status === 'approved' ? 'Zwölf Formulare sind übersetzt und online.' : '',
        status,
        submitted_at: status === 'draft' ? null : new Date(),
      })),
    )
    .execute();
  for (const [i, enrolment] of enrolments.entries()) {
    const assessment = await trx.insertInto('self_assessments').values({ enrolment_id: enrolment.id, phase: 'before', submitted_at: accepted }).returning('id').executeTakeFirstOrThrow();
    const items = await trx.selectFrom('competence_items').select('id').where('programme_id', '=', programmeId).orderBy('position').execute();
    await trx
      .insertInto('self_assessment_answers')
      .values(items.map((item, k) => ({ assessment_id: assessment.id, item_id: item.id, score: 1 + ((i + k) % 3) })))
      .execute();
  }
}
