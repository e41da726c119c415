import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { EventDetail } from './repository.ts';
import { eventRepository } from './repository.ts';

export type RegistrationRow = Omit<NewRow<'event_registrations'>, 'event_id' | 'status'>;

export interface RegistrationResult {
  id: number;
  /** `existing`: the address was registered already; that person got a mail, the caller learns nothing more. */
  status: 'confirmed' | 'waiting' | 'existing';
  position: number;
}

export type LineMailer = (
  trx: Transaction<Database>,
  event: EventDetail,
  kind: 'confirmed' | 'waiting' | 'already_registered',
  registration: { id: number; name: string; email: string | null; locale: string },
  position?: number,
) => Promise<void>;

interface Waiting {
  event: EventDetail;
  row: RegistrationRow;
  resolve(result: RegistrationResult): void;
  reject(error: unknown): void;
}

/** At most this many registrations are decided in one transaction. */
const BATCH = 64;

/**
 * Registrations of one event wait in line for the event's row lock. This line keeps them in the
 * process while one transaction holds the lock, and decides all that arrived meanwhile in the next
 * transaction under the same lock, in order of arrival: seats are counted once, each person gets
 * a seat or a place on the waiting list, each gets their mail, and one commit makes them durable.
 * The lock's time then goes to one commit for many people instead of one commit each (the flush
 * of the commit to disk is most of the time a registration holds the lock). Several instances
 * still wait for each other at the lock, so the last seat goes to exactly one person.
 */
export function registrationLine(db: Kysely<Database>, mail: LineMailer, one: (trx: Transaction<Database>, event: EventDetail, row: RegistrationRow) => Promise<RegistrationResult>) {
  const lines = new Map<number, Waiting[]>();

  async function drain(eventId: number, line: Waiting[]): Promise<void> {
    while (line.length) {
      const batch = line.splice(0, BATCH);
      try {
        const results = await db.transaction().execute((trx) => decide(trx, batch));
        batch.forEach((waiting, i) => {
          const result = results[i];
          if (result instanceof Error) waiting.reject(result);
          else if (result) waiting.resolve(result);
        });
      } catch {
        // The whole transaction failed (e.g. another instance took an address meanwhile and the unique
        // index refused it): each one again on its own, as without the line, so that each gets its own answer.
        for (const waiting of batch) {
          await db
            .transaction()
            .execute((trx) => one(trx, waiting.event, waiting.row))
            .then(waiting.resolve, waiting.reject);
        }
      }
    }
    lines.delete(eventId);
  }

  async function decide(trx: Transaction<Database>, batch: Waiting[]): Promise<Array<RegistrationResult | Error>> {
    const first = batch[0] as Waiting;
    const repo = eventRepository(trx);
    // The lock, the count and each address's registration go to the connection one after another without waiting in between.
    const [{ event: locked }, ...holders] = await Promise.all([
      repo.lockEventFor(first.event.id),
      ...batch.map((w) => (w.row.email ? repo.liveRegistrationByEmail(first.event.id, w.row.email) : undefined)),
    ]);
    if (!locked || locked.cancelled_at) return batch.map(() => AppError.conflict('events.errors.cancelled'));
    let confirmed = locked.confirmed;
    let waiting = locked.waiting;
    const taken = new Map<string, { id: number; name: string; email: string | null; locale: string } | 'pending'>();
    const users = new Set<number>();
    const plans: Array<
      | { kind: 'new'; status: 'confirmed' | 'waiting'; position: number }
      | { kind: 'existing'; holder: { id: number; name: string; email: string | null; locale: string } }
      | { kind: 'error'; error: Error }
    > = [];
    batch.forEach((w, i) => {
      const address = w.row.email?.toLowerCase();
      const holder = holders[i] ?? (address ? taken.get(address) : undefined);
      if (w.row.user_id && (holder || users.has(w.row.user_id))) {
        // An account whose address a registration holds, or the same account twice: as the unique index would say.
        plans.push({ kind: 'error', error: AppError.conflict('events.errors.already_registered') });
        return;
      }
      if (holder === 'pending') {
        // The same address twice in one line: decided as if the first had been committed already, below.
        plans.push({ kind: 'existing', holder: { id: 0, name: '', email: null, locale: '' } });
        return;
      }
      if (holder) {
        plans.push({ kind: 'existing', holder });
        return;
      }
      if (address) taken.set(address, 'pending');
      if (w.row.user_id) users.add(w.row.user_id);
      const status = confirmed < locked.capacity ? 'confirmed' : 'waiting';
      if (status === 'confirmed') confirmed++;
      else waiting++;
      plans.push({ kind: 'new', status, position: status === 'waiting' ? waiting : 0 });
    });
    const inserted = await Promise.all(
      batch.map((w, i) => {
        const plan = plans[i];
        return plan?.kind === 'new' ? repo.insertRegistration({ ...w.row, event_id: first.event.id, status: plan.status }) : undefined;
      }),
    );
    const byAddress = new Map<string, { id: number; name: string; email: string | null; locale: string }>();
    batch.forEach((w, i) => {
      const row = inserted[i];
      if (row && w.row.email) byAddress.set(w.row.email.toLowerCase(), { id: row.id, name: w.row.name, email: w.row.email, locale: w.row.locale ?? 'de' });
    });
    const results: Array<RegistrationResult | Error> = [];
    const mails: Array<Promise<void>> = [];
    batch.forEach((w, i) => {
      const plan = plans[i] as (typeof plans)[number];
      const row = inserted[i];
      if (plan.kind === 'error') {
        results.push(plan.error);
      } else if (plan.kind === 'new' && row) {
        mails.push(mail(trx, w.event, plan.status, { id: row.id, name: w.row.name, email: w.row.email ?? null, locale: w.row.locale ?? 'de' }, plan.position));
        results.push({ id: row.id, status: plan.status, position: plan.position });
      } else if (plan.kind === 'existing') {
        const holder = plan.holder.id ? plan.holder : byAddress.get(w.row.email?.toLowerCase() ?? '');
        if (!holder) throw new Error('registration line: the first registration of an address is missing');
        mails.push(mail(trx, w.event, 'already_registered', holder));
        results.push({ id: holder.id, status: 'existing', position: 0 });
      }
    });
    await Promise.all(mails);
    return results;
  }

  return {
    /** Decides the registration in the next transaction under the event's lock; resolves when it is committed. */
    register(event: EventDetail, row: RegistrationRow): Promise<RegistrationResult> {
      return new Promise((resolve, reject) => {
        const waiting: Waiting = { event, row, resolve, reject };
        const line = lines.get(event.id);
        if (line) {
          line.push(waiting);
          return;
        }
        const fresh = [waiting];
        lines.set(event.id, fresh);
        void drain(event.id, fresh);
      });
    },
  };
}
