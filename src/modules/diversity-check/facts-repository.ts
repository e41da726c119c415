import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FactSource } from '../../platform/facts.ts';
import { LEVEL_STEP } from './scoring.ts';
import { DIMENSIONS, PHASES } from './tables.ts';

const drillDown = ({ ags }: { ags: string }) => `/verwaltung/${ags}/vielfalts-check`;

/** Each assessment with its town, the organisation's district and the follow-up's baseline, for the facts below. */
function assessments(db: Kysely<Database>) {
  return db.selectFrom('diversity_check_assessments as a').innerJoin('network_organisations as o', 'o.id', 'a.organisation_id');
}

/**
 * What monitoring may count of the Vielfalts-Check (R1, R2 and the profiles): the index of every
 * assessment, its dimension scores, and per institution assessed twice the change of the index and
 * whether a dimension rose by at least one maturity level (25 points).
 */
export const DIVERSITY_CHECK_FACTS: readonly FactSource[] = [
  {
    id: 'diversity_check.index',
    labelKey: 'diversity_check.facts.index',
    kind: 'values',
    dimensions: { phase: PHASES },
    rows: (db) =>
      assessments(db).select([
        sql<string>`to_char(a.assessed_on, 'YYYY-MM-DD')`.as('day'),
        'a.municipality_id',
        'o.district_id',
        sql<string | null>`null`.as('person_key'),
        'a.index_score as value',
        'a.phase',
      ]),
    drillDown,
  },
  {
    id: 'diversity_check.dimension_scores',
    labelKey: 'diversity_check.facts.dimension_scores',
    kind: 'values',
    dimensions: { phase: PHASES, dimension: DIMENSIONS },
    rows: (db) =>
      assessments(db)
        .innerJoin('diversity_check_scores as s', 's.assessment_id', 'a.id')
        .select([
          sql<string>`to_char(a.assessed_on, 'YYYY-MM-DD')`.as('day'),
          'a.municipality_id',
          'o.district_id',
          sql<string | null>`null`.as('person_key'),
          's.score as value',
          'a.phase',
          's.dimension',
        ]),
    drillDown,
  },
  {
    id: 'diversity_check.index_change',
    labelKey: 'diversity_check.facts.index_change',
    kind: 'values',
    dimensions: {},
    rows: (db) =>
      assessments(db)
        .innerJoin('diversity_check_assessments as b', (join) => join.onRef('b.organisation_id', '=', 'a.organisation_id').on('b.phase', '=', 'baseline'))
        .where('a.phase', '=', 'follow_up')
        .select([
          sql<string>`to_char(a.assessed_on, 'YYYY-MM-DD')`.as('day'),
          'a.municipality_id',
          'o.district_id',
          sql<string | null>`null`.as('person_key'),
          sql<number>`a.index_score - b.index_score`.as('value'),
        ]),
    drillDown,
  },
  {
    id: 'diversity_check.improved',
    labelKey: 'diversity_check.facts.improved',
    kind: 'records',
    dimensions: { improved: ['yes', 'no'] },
    rows: (db) =>
      assessments(db)
        .innerJoin('diversity_check_assessments as b', (join) => join.onRef('b.organisation_id', '=', 'a.organisation_id').on('b.phase', '=', 'baseline'))
        .where('a.phase', '=', 'follow_up')
        .select([
          sql<string>`to_char(a.assessed_on, 'YYYY-MM-DD')`.as('day'),
          'a.municipality_id',
          'o.district_id',
          sql<string | null>`null`.as('person_key'),
          sql<number>`1`.as('value'),
          sql<string>`case when exists (
            select 1 from diversity_check_scores fs
            join diversity_check_scores bs on bs.assessment_id = b.id and bs.dimension = fs.dimension
            where fs.assessment_id = a.id and fs.score - bs.score >= ${LEVEL_STEP - 1e-9}
          ) then 'yes' else 'no' end`.as('improved'),
        ]),
    drillDown,
  },
];
