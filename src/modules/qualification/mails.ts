import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { createTranslator, isLocale } from '../../platform/i18n/catalog.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';

export interface MailRecipient {
  email: string | null;
  display_name: string | null;
  locale: string | null;
}

/**
 * Queues a mail to one person in their own language, in the caller's transaction: greeting, the
 * message, an optional addition (a decision note, a trainer's comment), the link to the page it is
 * about, and the footer. People without an address (deleted accounts) get nothing.
 */
export async function queuePersonMail(
  db: Kysely<Database> | Transaction<Database>,
  person: MailRecipient,
  mail: { subjectKey: string; textKey: string; params: Record<string, unknown>; addition?: string; url: string },
): Promise<void> {
  if (!person.email) return;
  const t = createTranslator(isLocale(person.locale) ? person.locale : 'de');
  await enqueueMail(db, {
    to: person.email,
    subject: t(mail.subjectKey, mail.params),
    text: [
      t('events.mail.greeting', { name: person.display_name ?? '' }),
      '',
      t(mail.textKey, mail.params),
      ...(mail.addition ? ['', mail.addition] : []),
      '',
      mail.url,
      '',
      t('events.mail.footer'),
    ].join('\n'),
  });
}
