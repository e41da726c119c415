import type { Kysely } from 'kysely';
import { prepared, steppedLimit } from '../../platform/db/prepared.ts';
import type { Database } from '../../platform/db/schema.ts';
import { MODIFIED_COLUMN, type OpenDataQuery } from '../../platform/open-data.ts';
import { isoTime } from '../../platform/open-data-repository.ts';
import type { ProposalStatus } from './tables.ts';

/**
 * Processes, proposals and official answers as open data, paged by id: only published processes,
 * only proposals the public sees (not hidden, not held), and never who wrote or supported them.
 */
export function participationOpenDataRepository(db: Kysely<Database>) {
  function visibleProposals(query: OpenDataQuery) {
    return db
      .selectFrom('proposals as p')
      .innerJoin('participation_processes as pp', 'pp.id', 'p.process_id')
      .innerJoin('municipalities as m', 'm.id', 'p.municipality_id')
      .where('pp.published', '=', true)
      .where('p.hidden_at', 'is', null)
      .where('p.held', '=', false)
      .$if(query.municipalityId !== undefined, (q) => q.where('p.municipality_id', '=', query.municipalityId ?? 0))
      .$if(typeof query.filters.prozess === 'number', (q) => q.where('p.process_id', '=', Number(query.filters.prozess)))
      .$if(query.after !== undefined, (q) => q.where('p.id', '>', query.after ?? 0));
  }

  /** When the proposals (of one town) last changed: the collection's Last-Modified, read with its page. */
  function proposalsModifiedAt(municipalityId?: number) {
    return db
      .selectFrom('proposals')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0));
  }

  return {
    processes(query: OpenDataQuery) {
      return db
        .selectFrom('participation_processes as pp')
        .innerJoin('municipalities as m', 'm.id', 'pp.municipality_id')
        .leftJoin('fields_of_action as f', 'f.id', 'pp.field_id')
        .select((eb) => [
          'pp.id',
          'm.ags',
          'pp.title',
          'pp.description',
          'f.name as field_of_action',
          'pp.languages',
          'pp.places',
          eb
            .selectFrom('process_phases as ph')
            .whereRef('ph.process_id', '=', 'pp.id')
            .select((e) => e.fn.min('ph.starts_on').as('s'))
            .as('starts_on'),
          eb
            .selectFrom('process_phases as ph')
            .whereRef('ph.process_id', '=', 'pp.id')
            .select((e) => e.fn.max('ph.ends_on').as('e'))
            .as('ends_on'),
          'pp.created_at',
          'pp.updated_at',
        ])
        .where('pp.published', '=', true)
        .$if(query.municipalityId !== undefined, (q) => q.where('pp.municipality_id', '=', query.municipalityId ?? 0))
        .$if(query.after !== undefined, (q) => q.where('pp.id', '>', query.after ?? 0))
        .orderBy('pp.id')
        .limit(query.limit)
        .execute();
    },
    proposals(query: OpenDataQuery) {
      const { status, handlungsfeld, ortsteil } = query.filters;
      return visibleProposals(query)
        .modifyFront(prepared)
        .leftJoin('fields_of_action as f', 'f.id', 'p.field_id')
        .leftJoin('districts as d', 'd.id', 'p.district_id')
        .select([
          'p.id',
          'p.process_id',
          'm.ags',
          'p.title',
          'p.body',
          'p.status',
          'p.merged_into_id',
          'f.name as field_of_action',
          'd.name as district',
          'p.place',
          'p.offline',
          'p.support_count',
          'p.comment_count',
          isoTime('p.created_at').as('created_at'),
          isoTime('p.answered_at').as('answered_at'),
          // As text like the times: the value repeats on every row.
          isoTime(proposalsModifiedAt(query.municipalityId)).as(MODIFIED_COLUMN),
        ])
        .$if(typeof status === 'string', (q) => q.where('p.status', '=', status as ProposalStatus))
        .$if(typeof handlungsfeld === 'number', (q) => q.where('p.field_id', '=', Number(handlungsfeld)))
        .$if(typeof ortsteil === 'number', (q) => q.where('p.district_id', '=', Number(ortsteil)))
        .orderBy('p.id')
        .limit(steppedLimit(query.limit))
        .execute()
        .then((rows) => rows.slice(0, query.limit));
    },
    answers(query: OpenDataQuery) {
      return visibleProposals(query)
        .select([
          'p.id',
          'p.id as proposal_id',
          'p.process_id',
          'm.ags',
          'p.title as proposal_title',
          'p.status',
          'p.answer_text',
          'p.answered_at',
          proposalsModifiedAt(query.municipalityId).as(MODIFIED_COLUMN),
        ])
        .where('p.answer_text', '<>', '')
        .orderBy('p.id')
        .limit(query.limit)
        .execute();
    },
    async processesModified(municipalityId?: number) {
      const row = await db
        .selectFrom('participation_processes')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('published', '=', true)
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
    async proposalsModified(municipalityId?: number) {
      const row = await proposalsModifiedAt(municipalityId).executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
