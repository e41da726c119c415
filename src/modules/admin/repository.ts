import { type Kysely, sql, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/like.ts';
import type { Database, NewRow } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';

import type { GrantableRole } from './roles.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserFilter {
  query?: string;
  role?: GrantableRole | 'participant';
  municipalityId?: number;
}

/** Entries per page of the office's audit log (paged in SQL, see auditPage). */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  action?: string;
  entityType?: string;
  municipalityId?: number;
  actor?: string;
  from?: string;
  to?: string;
}

export function adminRepository(db: Db) {
  function users(filter: UserFilter) {
    let query = db.selectFrom('users as u');
    if (filter.query) {
      const pattern = `%${escapeLike(filter.query.toLowerCase())}%`;
      query = query.where((eb) => eb.or([eb(sql`lower(u.display_name)`, 'like', pattern), eb(sql`lower(u.email)`, 'like', pattern)]));
    }
    if (filter.role === 'participant') {
      query = query.where(({ not, exists, selectFrom }) => not(exists(selectFrom('role_assignments as r').select('r.id').whereRef('r.user_id', '=', 'u.id'))));
    } else if (filter.role) {
      const role = filter.role;
      query = query.where(({ exists, selectFrom }) => exists(selectFrom('role_assignments as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', role)));
    }
    if (filter.municipalityId) {
      const id = filter.municipalityId;
      query = query.where(({ exists, selectFrom }) => exists(selectFrom('role_assignments as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.municipality_id', '=', id)));
    }
    return query;
  }

  function audit(filter: AuditFilter) {
    // An entry about an account names it by lookup, so that a deleted account shows as deleted.
    let query = db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_user_id')
      // The account's id as a number, so that users' primary key finds it (s.id::text = entity_id read all 300,000 accounts per entry).
      .leftJoin('users as s', (join) => join.on(sql<boolean>`s.id = case when a.entity_type = 'user' and a.entity_id ~ '^[0-9]{1,9}$' then a.entity_id::int end`))
      .leftJoin('municipalities as m', 'm.id', 'a.municipality_id');
    if (filter.action) query = query.where('a.action', '=', filter.action);
    if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
    if (filter.municipalityId) query = query.where('a.municipality_id', '=', filter.municipalityId);
    if (filter.actor) {
      const pattern = `%${escapeLike(filter.actor.toLowerCase())}%`;
      query = query.where((eb) => eb.or([eb(sql`lower(u.display_name)`, 'like', pattern), eb(sql`lower(u.email)`, 'like', pattern)]));
    }
    // Dates are calendar days in Berlin; "to" includes the whole day.
    if (filter.from) query = query.where(sql<boolean>`a.at >= (${filter.from}::date::timestamp at time zone 'Europe/Berlin')`);
    if (filter.to) query = query.where(sql<boolean>`a.at < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Berlin')`);
    return query;
  }

  const auditColumns = [
    'a.id',
    'a.at',
    'a.action',
    'a.entity_type',
    'a.entity_id',
    'a.before',
    'a.after',
    'u.display_name as actor_name',
    'u.deleted_at as actor_deleted_at',
    'a.actor_user_id',
    's.display_name as subject_name',
    's.deleted_at as subject_deleted_at',
    'm.name as municipality_name',
  ] as const;

  return {
    async overviewCounts() {
      const [users, pendingMail] = await Promise.all([
        db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sent_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return { users: Number(users.n), pendingMail: Number(pendingMail.n) };
    },

    async userPage(filter: UserFilter, page: PageRequest) {
      const [rows, count] = await Promise.all([
        users(filter)
          .select([
            'u.id',
            'u.display_name',
            'u.email',
            'u.email_verified_at',
            'u.created_at',
            'u.deleted_at',
            'u.is_demo',
            (eb) =>
              eb
                .selectFrom('role_assignments as r')
                .leftJoin('municipalities as m', 'm.id', 'r.municipality_id')
                .select(sql<string>`string_agg(r.role || coalesce(':' || m.name, ''), ', ' order by r.role, m.name)`.as('roles'))
                .whereRef('r.user_id', '=', 'u.id')
                .as('roles'),
          ])
          .orderBy('u.display_name')
          .orderBy('u.id')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        users(filter)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows, total: Number(count.total) };
    },
    user(id: number) {
      return db.selectFrom('users').select(['id', 'display_name', 'email', 'email_verified_at', 'created_at', 'deleted_at', 'is_demo', 'locale']).where('id', '=', id).executeTakeFirst();
    },
    rolesOf(userId: number) {
      return db
        .selectFrom('role_assignments as r')
        .leftJoin('municipalities as m', 'm.id', 'r.municipality_id')
        .select(['r.id', 'r.role', 'r.municipality_id', 'm.name as municipality_name', 'r.created_at'])
        .where('r.user_id', '=', userId)
        .orderBy('r.role')
        .orderBy('m.name')
        .execute();
    },
    role(userId: number, id: number) {
      return db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    },
    hasRole(userId: number, role: GrantableRole, municipalityId: number | null) {
      let query = db.selectFrom('role_assignments').select('id').where('user_id', '=', userId).where('role', '=', role);
      query = municipalityId === null ? query.where('municipality_id', 'is', null) : query.where('municipality_id', '=', municipalityId);
      return query.executeTakeFirst().then(Boolean);
    },
    insertRole(row: NewRow<'role_assignments'>) {
      return db.insertInto('role_assignments').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteRole(id: number) {
      return db.deleteFrom('role_assignments').where('id', '=', id).execute();
    },
    countProgrammeOffice() {
      return db
        .selectFrom('role_assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'programme_office')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    /**
     * A page of entries (AUDIT_PAGE_SIZE on the office's page) and how many match, counted up to
     * `countLimit` (or a little beyond the page asked for): counting all of half a million entries
     * for every page took longer than the page. `more` says that there are more than `total`.
     */
    async auditPage(filter: AuditFilter, page: PageRequest, countLimit = 10_000) {
      const limit = Math.max(countLimit, page.offset + 10 * page.pageSize);
      const [items, count] = await Promise.all([
        audit(filter).select(auditColumns).orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(page.pageSize).offset(page.offset).execute(),
        db
          .selectFrom(
            audit(filter)
              .select('a.id')
              .limit(limit + 1)
              .as('matching'),
          )
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      const total = Number(count.total);
      return { items, total: Math.min(total, limit), more: total > limit };
    },
    auditAll(filter: AuditFilter, limit: number) {
      return audit(filter).select(auditColumns).orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    },
    auditEntityTypes() {
      // A walk over the index (one step per type) instead of reading every entry for the handful of types.
      return sql<{ entity_type: string }>`with recursive t as (
          select min(entity_type) as entity_type from audit_log
          union all
          select (select min(entity_type) from audit_log where entity_type > t.entity_type) from t where t.entity_type is not null
        ) select entity_type from t where entity_type is not null`
        .execute(db)
        .then((r) => r.rows);
    },

    async outboxPage(page: PageRequest) {
      const [items, count] = await Promise.all([
        db
          .selectFrom('mail_outbox')
          .select(['id', 'to_address', 'subject', 'created_at', 'sent_at', 'attempts', 'last_error', 'delivered_as'])
          .orderBy('id', 'desc')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        db
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },
    /** One mail as the office sees it: the redacted text only, never the part that waits to be sent. */
    mail(id: number) {
      return db
        .selectFrom('mail_outbox')
        .select(['id', 'to_address', 'subject', 'text_body', 'created_at', 'sent_at', 'attempts', 'last_error', 'delivered_as'])
        .where('id', '=', id)
        .executeTakeFirst();
    },
  };
}
