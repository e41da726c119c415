/**
 * Participation's id-taking routes, each sent with one id of Viernheim's (FOREIGN) while working
 * for Bensheim (OWN) or as a participant: process, proposal, comment, parent comment, image,
 * merge target, measure, field of action and person ids.
 */
import { createComment, createField, createProcess, createProposal, day } from '../../support/factories/participation.ts';
import type { ForeignCases, ForeignFixtures } from './types.ts';
import { OWN } from './types.ts';

/** A fixture made once per run, on first use (a snapshot may ask for it before the request does). */
function once<T>(make: (f: ForeignFixtures) => Promise<T>): (f: ForeignFixtures) => Promise<T> {
  let made: Promise<T> | null = null;
  return (f) => {
    made ??= make(f);
    return made;
  };
}

const firstProcess = (f: ForeignFixtures, municipalityId: number) =>
  f.db
    .selectFrom('participation_processes')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('published', '=', true)
    .orderBy('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
const firstProposal = async (f: ForeignFixtures, municipalityId: number) =>
  (
    await f.db
      .selectFrom('proposals')
      .select('id')
      .where('process_id', '=', await firstProcess(f, municipalityId))
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

const ownProcess = (f: ForeignFixtures) => firstProcess(f, f.ownId);
const ownProposal = (f: ForeignFixtures) => firstProposal(f, f.ownId);
/** FOREIGN's own open process and a proposal in it (the demo data may have none in that town). */
const foreignProcess = once((f) => createProcess(f.db, f.foreignId, { title: 'Ideen für Viernheim' }));
const foreignProposal = once(async (f) => createProposal(f.db, await foreignProcess(f), null, { title: 'Offline in Viernheim' }));
/** An unpublished process of FOREIGN: nobody outside that town may see it. */
const foreignDraft = once((f) => createProcess(f.db, f.foreignId, { title: 'Entwurf Viernheim', published: false }));
/** A proposal and a comment in FOREIGN written by the participant of the pass. */
const participantsForeignProposal = once(async (f) => createProposal(f.db, await foreignProcess(f), f.users.participant, { title: 'Vorschlag in Viernheim' }));
const participantsForeignComment = once(async (f) => createComment(f.db, await participantsForeignProposal(f), f.users.participant, { body: 'Kommentar in Viernheim' }));
const foreignField = once((f) => createField(f.db, f.foreignId, 'Feld in Viernheim'));
const foreignMeasure = (f: ForeignFixtures) =>
  f.db
    .selectFrom('measures')
    .select('id')
    .where('municipality_id', '=', f.foreignId)
    .orderBy('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
const foreignImage = once(async (f) => {
  const file = await f.db
    .insertInto('files')
    .values({ original_name: 'viernheim.png', mime_type: 'image/png', size_bytes: 1, sha256: '0'.repeat(64), storage_key: 'foreign-pass-missing', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await f.db
    .insertInto('proposal_images')
    .values({ proposal_id: await foreignProposal(f), file_id: file.id, alt_text: 'Bild', position: 1 })
    .execute();
  return (await f.db.selectFrom('proposal_images').select('id').where('file_id', '=', file.id).executeTakeFirstOrThrow()).id;
});
/** Someone who took part in FOREIGN only. */
const foreignContributor = once(async (f) => {
  const user = await f.db
    .insertInto('users')
    .values({ email: 'nur-viernheim@example.org', password_hash: null, display_name: 'Nur Viernheim', email_verified_at: new Date(), deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await createProposal(f.db, await foreignProcess(f), user.id);
  return user.id;
});

const proposalRow = (f: ForeignFixtures, id: number) => f.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const processRow = (f: ForeignFixtures, id: number) => f.db.selectFrom('participation_processes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const count = (f: ForeignFixtures, table: 'proposals' | 'participation_processes' | 'content_reports' | 'proposal_supports' | 'proposal_follows' | 'process_follows' | 'municipality_blocks') =>
  f.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
const nothing = async () => null;
/** An own process id with a proposal of FOREIGN's: the path the proposal routes get. */
const mixedProposal = async (f: ForeignFixtures) => `/beteiligung/${await ownProcess(f)}/vorschlaege/${await participantsForeignProposal(f)}`;
/** An own proposal with a comment of FOREIGN's. */
const mixedComment = async (f: ForeignFixtures) => `/beteiligung/${await ownProcess(f)}/vorschlaege/${await ownProposal(f)}/kommentare/${await participantsForeignComment(f)}`;
const processForm = { title: 'Fremder Prozess', ideasStart: day(0), ideasEnd: day(10) };

export const cases: ForeignCases = {
  // ---- public process pages: a draft of FOREIGN is not there for OWN's coordinator ----
  'GET /beteiligung/:id': { as: 'coordinator', request: async (f) => ({ path: `/beteiligung/${await foreignDraft(f)}` }), snapshot: nothing },
  'GET /beteiligung/:id/karte.svg': { as: 'coordinator', request: async (f) => ({ path: `/beteiligung/${await foreignDraft(f)}/karte.svg` }), snapshot: nothing },
  'GET /beteiligung/:id/bild': { as: 'coordinator', request: async (f) => ({ path: `/beteiligung/${await foreignDraft(f)}/bild` }), snapshot: nothing },
  'POST /beteiligung/:id/folgen': { as: 'coordinator', request: async (f) => ({ path: `/beteiligung/${await foreignDraft(f)}/folgen` }), snapshot: (f) => count(f, 'process_follows') },

  // ---- the town's processes ----
  'POST /verwaltung/:ags/beteiligung/neu': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/beteiligung/neu`, form: { ...processForm, fieldId: String(await foreignField(f)) } }),
    snapshot: (f) => count(f, 'participation_processes'),
  },
  'GET /verwaltung/:ags/beteiligung/:id': { as: 'coordinator', request: async (f) => ({ path: `/verwaltung/${OWN}/beteiligung/${await foreignProcess(f)}` }), snapshot: nothing },
  'POST /verwaltung/:ags/beteiligung/:id': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/beteiligung/${await foreignProcess(f)}`, form: { ...processForm, published: 'on' } }),
    snapshot: async (f) => processRow(f, await foreignProcess(f)),
  },
  'POST /verwaltung/:ags/beteiligung/:id/bild': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/beteiligung/${await foreignProcess(f)}/bild`, form: { alt: 'Bild' } }),
    snapshot: async (f) => processRow(f, await foreignProcess(f)),
  },
  'GET /verwaltung/:ags/beteiligung/:id/offline': { as: 'coordinator', request: async (f) => ({ path: `/verwaltung/${OWN}/beteiligung/${await foreignProcess(f)}/offline` }), snapshot: nothing },
  'POST /verwaltung/:ags/beteiligung/:id/offline': {
    as: 'coordinator',
    request: async (f) => ({
      path: `/verwaltung/${OWN}/beteiligung/${await foreignProcess(f)}/offline`,
      form: { title: 'Vom Papier', body: 'Ein Vorschlag vom Papierbogen.', source: 'Bürgerversammlung' },
    }),
    snapshot: (f) => count(f, 'proposals'),
  },
  'GET /verwaltung/:ags/beteiligung/:id/export/:kind': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/beteiligung/${await foreignProcess(f)}/export/vorschlaege.csv` }),
    snapshot: (f) => f.db.selectFrom('audit_log').select('id').where('action', '=', 'participation.exported').execute(),
  },

  // ---- proposals: FOREIGN's proposal under OWN's process, FOREIGN's field, FOREIGN's image ----
  'GET /beteiligung/:id/vorschlaege/neu': { as: 'participant', request: async (f) => ({ path: `/beteiligung/${await foreignDraft(f)}/vorschlaege/neu` }), snapshot: nothing },
  'POST /beteiligung/:id/vorschlaege/neu': {
    as: 'participant',
    request: async (f) => ({
      path: `/beteiligung/${await ownProcess(f)}/vorschlaege/neu`,
      form: { title: 'Fremdes Feld', body: 'Ein Vorschlag mit einem Feld aus Viernheim.', fieldId: String(await foreignField(f)) },
    }),
    snapshot: (f) => count(f, 'proposals'),
  },
  'GET /beteiligung/:id/vorschlaege/:pid': { as: 'participant', request: async (f) => ({ path: await mixedProposal(f) }), snapshot: nothing },
  'GET /beteiligung/:id/vorschlaege/:pid/bilder/:iid': {
    as: 'participant',
    request: async (f) => ({ path: `/beteiligung/${await ownProcess(f)}/vorschlaege/${await ownProposal(f)}/bilder/${await foreignImage(f)}` }),
    snapshot: nothing,
  },
  'GET /beteiligung/:id/vorschlaege/:pid/bearbeiten': { as: 'participant', request: async (f) => ({ path: `${await mixedProposal(f)}/bearbeiten` }), snapshot: nothing },
  'POST /beteiligung/:id/vorschlaege/:pid/bearbeiten': {
    as: 'participant',
    request: async (f) => ({ path: `${await mixedProposal(f)}/bearbeiten`, form: { title: 'Geändert', body: 'Ein geänderter Text des Vorschlags.' } }),
    snapshot: async (f) => proposalRow(f, await participantsForeignProposal(f)),
  },
  'POST /beteiligung/:id/vorschlaege/:pid/unterstuetzen': {
    as: 'participant',
    request: async (f) => ({ path: `${await mixedProposal(f)}/unterstuetzen` }),
    snapshot: (f) => count(f, 'proposal_supports'),
  },
  'POST /beteiligung/:id/vorschlaege/:pid/zuruecknehmen': {
    as: 'participant',
    request: async (f) => ({ path: `${await mixedProposal(f)}/zuruecknehmen` }),
    snapshot: (f) => count(f, 'proposal_supports'),
  },
  'POST /beteiligung/:id/vorschlaege/:pid/folgen': { as: 'participant', request: async (f) => ({ path: `${await mixedProposal(f)}/folgen` }), snapshot: (f) => count(f, 'proposal_follows') },

  // ---- the official answer: FOREIGN's proposal, or FOREIGN's measure for an own one ----
  'GET /verwaltung/:ags/vorschlaege/:id/antwort': { as: 'coordinator', request: async (f) => ({ path: `/verwaltung/${OWN}/vorschlaege/${await foreignProposal(f)}/antwort` }), snapshot: nothing },
  'POST /verwaltung/:ags/vorschlaege/:id/antwort': {
    as: 'coordinator',
    request: async (f) => ({
      path: `/verwaltung/${OWN}/vorschlaege/${await ownProposal(f)}/antwort`,
      form: { status: 'accepted', text: 'Wird umgesetzt.', measureIds: [String(await foreignMeasure(f))] },
    }),
    snapshot: async (f) => ({
      proposal: await proposalRow(f, await ownProposal(f)),
      links: await f.db
        .selectFrom('proposal_measures')
        .selectAll()
        .where('proposal_id', '=', await ownProposal(f))
        .execute(),
    }),
  },

  // ---- comments: FOREIGN's proposal, FOREIGN's comment as the one to edit or to answer ----
  'GET /beteiligung/:id/vorschlaege/:pid/kommentare/neu': { as: 'participant', request: async (f) => ({ path: `${await mixedProposal(f)}/kommentare/neu` }), snapshot: nothing },
  'POST /beteiligung/:id/vorschlaege/:pid/kommentare': {
    as: 'participant',
    request: async (f) => ({
      path: `/beteiligung/${await ownProcess(f)}/vorschlaege/${await ownProposal(f)}/kommentare`,
      form: { body: 'Antwort auf einen fremden Kommentar', parentId: String(await participantsForeignComment(f)) },
    }),
    snapshot: async (f) => ({
      comments: await f.db
        .selectFrom('proposal_comments')
        .select('id')
        .where('proposal_id', '=', await ownProposal(f))
        .execute(),
      proposal: await proposalRow(f, await ownProposal(f)),
    }),
  },
  'GET /beteiligung/:id/vorschlaege/:pid/kommentare/:cid': { as: 'participant', request: async (f) => ({ path: await mixedComment(f) }), snapshot: nothing },
  'POST /beteiligung/:id/vorschlaege/:pid/kommentare/:cid': {
    as: 'participant',
    request: async (f) => ({ path: await mixedComment(f), form: { body: 'Geändert' } }),
    snapshot: async (f) =>
      f.db
        .selectFrom('proposal_comments')
        .selectAll()
        .where('id', '=', await participantsForeignComment(f))
        .executeTakeFirstOrThrow(),
  },

  // ---- reports and moderation ----
  'GET /beteiligung/:id/vorschlaege/:pid/melden': { as: 'participant', request: async (f) => ({ path: `${await mixedProposal(f)}/melden` }), snapshot: nothing },
  'POST /beteiligung/:id/vorschlaege/:pid/melden': {
    as: 'participant',
    request: async (f) => ({ path: `${await mixedProposal(f)}/melden`, form: { reason: 'spam' } }),
    snapshot: (f) => count(f, 'content_reports'),
  },
  'GET /beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden': { as: 'participant', request: async (f) => ({ path: `${await mixedComment(f)}/melden` }), snapshot: nothing },
  'POST /beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden': {
    as: 'participant',
    request: async (f) => ({ path: `${await mixedComment(f)}/melden`, form: { reason: 'spam' } }),
    snapshot: (f) => count(f, 'content_reports'),
  },
  'POST /verwaltung/:ags/moderation/:type/:id/:action': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/moderation/vorschlag/${await foreignProposal(f)}/ausblenden`, form: { reason: 'spam' } }),
    snapshot: async (f) => proposalRow(f, await foreignProposal(f)),
  },
  'POST /verwaltung/:ags/moderation/person/:userId/:action': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/moderation/person/${await foreignContributor(f)}/sperren`, form: { reason: 'Test' } }),
    snapshot: async (f) => {
      await foreignContributor(f);
      return count(f, 'municipality_blocks');
    },
  },
};
