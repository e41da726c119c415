import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { createTranslator, formatDate, isLocale } from '../../platform/i18n/catalog.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { type CalendarEvent, calendarFile, withoutOnlineLink } from './calendar.ts';
import { cancellationToken } from './tokens.ts';

export type RegistrationMailKind = 'confirmed' | 'waiting' | 'promoted' | 'cancelled' | 'event_cancelled' | 'reminder' | 'already_registered';

export interface MailSettings {
  baseUrl: string;
  secret: string;
}

/** Which mails carry the calendar file: those that give or take away a seat. */
const WITH_CALENDAR: ReadonlySet<RegistrationMailKind> = new Set(['confirmed', 'promoted', 'reminder', 'event_cancelled']);
const WITH_CANCEL_LINK: ReadonlySet<RegistrationMailKind> = new Set(['confirmed', 'waiting', 'promoted', 'reminder', 'already_registered']);
/** The meeting link goes only to people with a seat: not to the waiting list, not with a cancellation. */
const WITH_ONLINE_LINK: ReadonlySet<RegistrationMailKind> = new Set(['confirmed', 'promoted', 'reminder']);

/** Queues the mail to one registered person in the caller's transaction, in the language they registered in. */
export async function queueRegistrationMail(
  db: Kysely<Database> | Transaction<Database>,
  settings: MailSettings,
  kind: RegistrationMailKind,
  registration: { id: number; name: string; email: string | null; locale: string },
  event: CalendarEvent & { municipality_name: string; cancel_reason?: string },
  extra: { position?: number } = {},
): Promise<void> {
  if (!registration.email) return;
  const locale = isLocale(registration.locale) ? registration.locale : 'de';
  const t = createTranslator(locale);
  const when = `${formatDate(locale, event.starts_at, true)} – ${formatDate(locale, event.ends_at, true)}`;
  const seated = WITH_ONLINE_LINK.has(kind);
  const shown = seated ? event : withoutOnlineLink(event);
  const where = [event.venue, event.address].filter(Boolean).join(', ') || event.municipality_name;
  const lines = [
    t('events.mail.greeting', { name: registration.name }),
    '',
    t(`events.mail.${kind}.text`, { title: event.title, position: extra.position ?? 0, reason: event.cancel_reason ?? '' }),
    '',
    `${t('events.mail.when')}: ${when}`,
    `${t('events.mail.where')}: ${where}`,
    ...(seated && event.online_url ? [`${t('events.field.online_url')}: ${event.online_url}`] : []),
    `${t('events.mail.details')}: ${settings.baseUrl}/veranstaltungen/${event.id}`,
  ];
  if (WITH_CANCEL_LINK.has(kind)) lines.push('', t('events.mail.cancel_hint'), `${settings.baseUrl}/veranstaltungen/abmeldung/${cancellationToken(settings.secret, registration.id)}`);
  lines.push('', t('events.mail.footer'));
  await enqueueMail(db, {
    to: registration.email,
    subject: t(`events.mail.${kind}.subject`, { title: event.title }),
    text: lines.join('\n'),
    attachments: WITH_CALENDAR.has(kind)
      ? [
          {
            filename: 'veranstaltung.ics',
            contentType: 'text/calendar; charset=utf-8',
            content: calendarFile(settings.baseUrl, event.title, [shown], kind === 'event_cancelled' ? 'cancel' : 'request'),
          },
        ]
      : [],
  });
}
