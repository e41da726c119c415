import { createTranslator } from '../src/platform/i18n/catalog.ts';
import { eventRepository } from '../src/modules/events/repository.ts';
import { signatureListPdf } from '../src/modules/events/signature-list.ts';
import { trainingRepository } from '../src/modules/qualification/training/repository.ts';
import { completionFor } from '../src/modules/qualification/completion.ts';
import { type BenchContext, defineScenarios } from './scenarios.ts';

/** The participant list of the busiest event (200 people) as PDF, the query included: median of 20 runs. */
async function signatureListTiming({ db }: BenchContext): Promise<string[]> {
  const event = await db.selectFrom('events').select('id').where('capacity', '=', 250).orderBy('id').executeTakeFirstOrThrow();
  const repo = eventRepository(db);
  const t = createTranslator('de');
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const detail = await repo.event(event.id);
    const people = (await repo.participantList(event.id)).filter((p) => p.status === 'confirmed');
    const pdf = await signatureListPdf(
      {
        title: detail?.title ?? '',
        startsAt: detail?.starts_at ?? new Date(),
        endsAt: detail?.ends_at ?? new Date(),
        place: detail?.venue ?? '',
        municipality: detail?.municipality_name ?? '',
        rows: people.map((p) => ({ name: p.name, organisation: p.organisation, homeTown: p.home_town })),
      },
      t,
      'de',
    );
    times.push(performance.now() - started);
    bytes = pdf.length;
    if (people.length !== 200) return [`FAILED teilnahmeliste_pdf: the busiest event has ${people.length} confirmed people, expected 200`];
  }
  times.sort((a, b) => a - b);
  console.log(`RESULT teilnahmeliste_pdf_200 ms=${Math.round(times[10] as number)} max_ms=${Math.round(times.at(-1) as number)} bytes=${bytes}`);
  return [];
}

/** What a trainer's cohort page computes for a cohort of 30: sessions, progress per trainee with the rule, competence change. */
async function cohortProgressTiming({ db }: BenchContext): Promise<string[]> {
  const cohort = await db
    .selectFrom('cohorts as c')
    .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
    .select(['c.id', 'c.programme_id', 'p.min_attendance_percent', 'p.requires_project'])
    .where('c.title', 'like', 'Kohorte %-%')
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  const training = trainingRepository(db);
  const times: number[] = [];
  let met = 0;
  let people = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const [sessions, progress, change] = await Promise.all([training.sessions(cohort.id), training.progress(cohort.id), training.competenceChange(cohort.id, cohort.programme_id, true)]);
    met = progress.filter((p) => completionFor(cohort, p).met).length;
    people = progress.length;
    times.push(performance.now() - started);
    if (sessions.length !== 10 || people !== 30 || change.some((c) => c.before === null))
      return [`FAILED kohorte: cohort ${cohort.id}: ${sessions.length} sessions, ${people} trainees, change ${JSON.stringify(change)}`];
  }
  times.sort((a, b) => a - b);
  console.log(`RESULT kohorte_30_fortschritt ms=${times[10]?.toFixed(1)} max_ms=${times.at(-1)?.toFixed(1)} trainees=${people} completed=${met}`);
  return [];
}

/** Work measured in process, without HTTP: the signature list PDF and a cohort's progress. */
export default defineScenarios({
  topic: 'timings',
  scenarios: [
    { name: 'teilnahmeliste_pdf', run: signatureListTiming },
    { name: 'kohorte', run: cohortProgressTiming },
  ],
});
