import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { EventFormat, RegistrationStatus } from './tables.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import { escapeLike } from '../../platform/db/like.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface EventFilter {
  municipalityId?: number;
  format?: EventFormat;
  /** Berlin calendar days, inclusive. */
  from?: string;
  to?: string;
  language?: string;
  accessibility?: string;
  search?: string;
  publishedOnly: boolean;
}

const confirmedCount = sql<number>`(select count(*) from event_registrations r where r.event_id = e.id and r.status = 'confirmed')`;
const waitingCount = sql<number>`(select count(*) from event_registrations r where r.event_id = e.id and r.status = 'waiting')`;

export function eventRepository(db: Db) {
  function filtered(filter: EventFilter) {
    // A cohort's sessions are managed on the cohort's page, not among the town's events.
    let query = db.selectFrom('events as e').where('e.cohort_id', 'is', null);
    if (filter.publishedOnly) query = query.where('e.published', '=', true);
    if (filter.municipalityId) query = query.where('e.municipality_id', '=', filter.municipalityId);
    if (filter.format) query = query.where('e.format', '=', filter.format);
    // Days are Berlin days: an event at 00:30 on the 5th belongs to the 5th.
    if (filter.from) {
      const from = sql<Date>`(${filter.from}::date)::timestamp at time zone 'Europe/Berlin'`;
      // Implied by the end (no event is longer than the longest): lets the list start its walk of
      // the start index there instead of at the first event ever (migration 0041).
      const longest = sql<string>`coalesce((select max(l.ends_at - l.starts_at) from events l where l.cohort_id is null), interval '0')`;
      query = query.where('e.ends_at', '>=', from).where('e.starts_at', '>=', sql<Date>`${from} - ${longest}`);
    }
    if (filter.to) query = query.where('e.starts_at', '<', sql<Date>`((${filter.to}::date + 1)::timestamp) at time zone 'Europe/Berlin'`);
    if (filter.language) query = query.where(sql<boolean>`e.languages @> array[${filter.language}]::text[]`);
    if (filter.accessibility) query = query.where(sql<boolean>`e.accessibility @> array[${filter.accessibility}]::text[]`);
    if (filter.search) query = query.where('e.title', 'ilike', `%${escapeLike(filter.search)}%`);
    return query;
  }

  function liveRegistrationByEmail(eventId: number, email: string) {
    return db
      .selectFrom('event_registrations')
      .select(['id', 'name', 'email', 'locale', 'status'])
      .where('event_id', '=', eventId)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
  }

  /**
   * Locks the event, then counts its seats and (with `email`) finds the live registration of that
   * address. The statements go to the connection together: each starts when the one before has
   * finished, so the count runs after the lock is granted and sees every registration committed
   * before it (a count inside the locking statement would see them as they were before it waited,
   * read committed), but the lock waits for no turn of the event loop in between.
   */
  async function lockEventFor(id: number, email?: string) {
    const [event, counts, holder] = await Promise.all([
      db.selectFrom('events').select(['id', 'capacity', 'cancelled_at', 'published']).where('id', '=', id).forUpdate().executeTakeFirst(),
      db
        .selectFrom('event_registrations')
        .select([sql<number>`count(*) filter (where status = 'confirmed')`.as('confirmed'), sql<number>`count(*) filter (where status = 'waiting')`.as('waiting')])
        .where('event_id', '=', id)
        .where('status', '<>', 'cancelled')
        .executeTakeFirstOrThrow(),
      email === undefined ? undefined : liveRegistrationByEmail(id, email),
    ]);
    return { event: event ? { ...event, confirmed: Number(counts.confirmed), waiting: Number(counts.waiting) } : undefined, holder };
  }

  return {
    async list(filter: EventFilter, page: PageRequest) {
      const [rows, total] = await Promise.all([
        filtered(filter)
          .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
          .select([
            'e.id',
            'e.title',
            'e.format',
            'e.mode',
            'e.venue',
            'e.starts_at',
            'e.ends_at',
            'e.capacity',
            'e.languages',
            'e.accessibility',
            'e.published',
            'e.cancelled_at',
            'm.ags',
            'm.name as municipality_name',
          ])
          .orderBy('e.starts_at')
          .orderBy('e.id')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        // Every event has its town (not null, foreign key): the count needs no join.
        filtered(filter)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n)),
      ]);
      // Seats are counted for the page's events only, after paging (not for every matching event before the sort).
      const ids = rows.map((r) => r.id);
      const counts = ids.length
        ? await db
            .selectFrom('event_registrations')
            .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
            .where('event_id', 'in', ids)
            .where('status', '=', 'confirmed')
            .groupBy('event_id')
            .execute()
        : [];
      const confirmed = new Map(counts.map((c) => [c.event_id, Number(c.n)]));
      return { items: rows.map((r) => ({ ...r, confirmed: confirmed.get(r.id) ?? 0 })), total };
    },

    /** Published events of a town for its calendar feed: from three months back, at most 500; without meeting links, which are for confirmed people. */
    feed(municipalityId: number) {
      return db
        .selectFrom('events as e')
        .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
        .select(['e.id', 'e.title', 'e.description', 'e.venue', 'e.address', 'e.starts_at', 'e.ends_at', 'e.cancelled_at', 'e.created_at', 'm.name as municipality_name'])
        .where('e.municipality_id', '=', municipalityId)
        .where('e.published', '=', true)
        .where('e.ends_at', '>=', sql<Date>`now() - interval '3 months'`)
        .orderBy('e.starts_at')
        .limit(500)
        .execute();
    },

    /** The event with its seats taken and waiting list; `counted: false` leaves the counts out (0) where the lock counts anyway. */
    event(id: number, options: { counted: boolean } = { counted: true }) {
      const query = db
        .selectFrom('events as e')
        .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
        .leftJoin('districts as d', 'd.id', 'e.district_id')
        .selectAll('e')
        .select(['m.ags', 'm.name as municipality_name', 'd.name as district_name'])
        .where('e.id', '=', id)
        // Training sessions belong to their cohort (qualification module); here they do not exist.
        .where('e.cohort_id', 'is', null);
      const counted = options.counted ? query.select([confirmedCount.as('confirmed'), waitingCount.as('waiting')]) : query.select([sql<number>`0`.as('confirmed'), sql<number>`0`.as('waiting')]);
      return counted.executeTakeFirst().then((row) => (row ? { ...row, confirmed: Number(row.confirmed), waiting: Number(row.waiting) } : undefined));
    },

    feedbackSurveyOf(eventId: number) {
      return db
        .selectFrom('events')
        .select('feedback_survey_id')
        .where('id', '=', eventId)
        .executeTakeFirst()
        .then((r) => r?.feedback_survey_id ?? null);
    },

    insertEvent(row: NewRow<'events'>) {
      return db.insertInto('events').values(row).returning('id').executeTakeFirstOrThrow();
    },

    updateEvent(id: number, values: RowUpdate<'events'>) {
      return db.updateTable('events').set(values).where('id', '=', id).execute();
    },

    /**
     * Takes the event's row lock: registrations and cancellations of one event happen one after the
     * other. Returns the seats taken and the waiting list's length as they are under the lock.
     */
    async lockEvent(id: number) {
      return (await lockEventFor(id)).event;
    },

    lockEventFor,

    insertRegistration(row: NewRow<'event_registrations'>) {
      return db.insertInto('event_registrations').values(row).returning(['id', 'status']).executeTakeFirstOrThrow();
    },

    registration(id: number) {
      return db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The registration that holds an address for an event (the unique index allows one that is not cancelled). */
    liveRegistrationByEmail,

    liveRegistrationOf(eventId: number, userId: number) {
      return db.selectFrom('event_registrations').select(['id', 'status']).where('event_id', '=', eventId).where('user_id', '=', userId).where('status', '<>', 'cancelled').executeTakeFirst();
    },

    /** Where a waiting registration stands: 1 is next in line. */
    waitingPosition(eventId: number, registrationId: number) {
      return db
        .selectFrom('event_registrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .where('status', '=', 'waiting')
        .where('id', '<=', registrationId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    setStatus(id: number, status: RegistrationStatus, extra: RowUpdate<'event_registrations'> = {}) {
      return db
        .updateTable('event_registrations')
        .set({ status, ...extra })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** The first on the waiting list, first come first served. */
    firstWaiting(eventId: number) {
      return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('status', '=', 'waiting').orderBy('id').limit(1).executeTakeFirst();
    },

    /** Everyone not cancelled, for the mail that the event is cancelled. */
    liveRegistrations(eventId: number) {
      return db.selectFrom('event_registrations').select(['id', 'name', 'email', 'locale', 'status']).where('event_id', '=', eventId).where('status', '<>', 'cancelled').orderBy('id').execute();
    },

    /** The check-in and registration list of the coordinators, paged and searchable by name. */
    async registrations(eventId: number, options: { search?: string; status?: RegistrationStatus }, page: PageRequest) {
      let query = db.selectFrom('event_registrations').where('event_id', '=', eventId);
      if (options.status) query = query.where('status', '=', options.status);
      else query = query.where('status', '<>', 'cancelled');
      const search = options.search ? `%${escapeLike(options.search)}%` : null;
      if (search) query = query.where((eb) => eb.or([eb('name', 'ilike', search), eb('organisation', 'ilike', search)]));
      const [items, total] = await Promise.all([
        query
          .select(['id', 'name', 'email', 'organisation', 'home_town', 'status', 'attended', 'walk_in', 'paper_consent', 'user_id', 'created_at', 'target_group_confirmed_at'])
          .orderBy(sql`case status when 'confirmed' then 0 else 1 end`)
          .orderBy('name')
          .orderBy('id')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        query
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n)),
      ]);
      return { items, total };
    },

    attendedCount(eventId: number) {
      return db
        .selectFrom('event_registrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .where('attended', '=', true)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    setAttended(eventId: number, registrationId: number, attended: boolean) {
      return db
        .updateTable('event_registrations')
        .set({ attended, checked_in_at: attended ? new Date() : null })
        .where('id', '=', registrationId)
        .where('event_id', '=', eventId)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
    },

    /** Everyone with a seat (including walk-ins), by name: the rows of the signature list and the export, without the voluntary statistics. */
    participantList(eventId: number) {
      return db
        .selectFrom('event_registrations')
        .select(['id', 'name', 'email', 'organisation', 'home_town', 'status', 'attended', 'walk_in', 'paper_consent', 'created_at'])
        .where('event_id', '=', eventId)
        .where('status', '<>', 'cancelled')
        .orderBy(sql`case status when 'confirmed' then 0 else 1 end`)
        .orderBy(sql`lower(name)`)
        .orderBy('id')
        .execute();
    },

    /** Confirmed registrations of events that start within the next day and were not reminded yet. */
    dueReminders(now: Date) {
      return db
        .selectFrom('events as e')
        .innerJoin('event_registrations as r', 'r.event_id', 'e.id')
        .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
        .select(['e.id as event_id', 'r.id as registration_id', 'r.name', 'r.email', 'r.locale'])
        .where('e.reminder_sent_at', 'is', null)
        .where('e.cancelled_at', 'is', null)
        .where('e.published', '=', true)
        .where('e.starts_at', '>', now)
        .where('e.starts_at', '<=', new Date(now.getTime() + 24 * 3600_000))
        .where('r.status', '=', 'confirmed')
        .where('r.email', 'is not', null)
        .orderBy('e.id')
        .orderBy('r.id')
        .execute();
    },

    eventsDueForReminder(now: Date) {
      return db
        .selectFrom('events')
        .select('id')
        .where('reminder_sent_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .where('published', '=', true)
        .where('starts_at', '>', now)
        .where('starts_at', '<=', new Date(now.getTime() + 24 * 3600_000))
        .forUpdate()
        .skipLocked()
        .execute();
    },

    markReminded(eventIds: number[], now: Date) {
      return eventIds.length ? db.updateTable('events').set({ reminder_sent_at: now }).where('id', 'in', eventIds).where('reminder_sent_at', 'is', null).execute() : Promise.resolve([]);
    },

    upcomingForMunicipality(municipalityId: number, limit: number) {
      return db
        .selectFrom('events')
        .select(['id', 'title', 'starts_at', 'format', 'cancelled_at'])
        .where('municipality_id', '=', municipalityId)
        .where('published', '=', true)
        .where('ends_at', '>=', new Date())
        .orderBy('starts_at')
        .limit(limit)
        .execute();
    },

    /** A deleted account's registrations stay as evidence of attendance, without anything that names the person. */
    /** The account's registrations and the guest registrations made with its address become anonymous attendances. */
    async anonymiseRegistrationsOf(userId: number) {
      const blank = { name: '–', email: null, organisation: '', home_town: '', user_id: null } as const;
      // Guest registrations first: the address is found through the account, which still has it.
      const address = db.selectFrom('users').select(sql<string>`lower(email)`.as('email')).where('id', '=', userId);
      await db.updateTable('event_registrations').set(blank).where('user_id', 'is', null).where(sql`lower(email)`, '=', address).execute();
      await db.updateTable('event_registrations').set(blank).where('user_id', '=', userId).execute();
    },

    registrationsOfUser(userId: number) {
      return db
        .selectFrom('event_registrations as r')
        .innerJoin('events as e', 'e.id', 'r.event_id')
        .select(['r.id', 'r.event_id', 'e.title', 'e.starts_at', 'r.status', 'r.attended', 'r.organisation', 'r.sex', 'r.age_group', 'r.third_country', 'r.created_at'])
        .where('r.user_id', '=', userId)
        .orderBy('e.starts_at', 'desc')
        .execute();
    },
  };
}

export type EventRepository = ReturnType<typeof eventRepository>;
export type EventDetail = NonNullable<Awaited<ReturnType<EventRepository['event']>>>;
export type EventListItem = Awaited<ReturnType<EventRepository['list']>>['items'][number];
