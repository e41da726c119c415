import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
  id: number;
  title: string;
  description: string;
  venue: string;
  address: string;
  /** Only in what confirmed people get; public files leave it out (see `withoutOnlineLink`). */
  online_url?: string;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
}

/** The event as anyone may see it: the meeting link is for confirmed people only. */
export function withoutOnlineLink<E extends CalendarEvent>(event: E): E {
  return { ...event, online_url: '' };
}

/**
 * An iCalendar file with times in UTC: every calendar converts them to its own zone, so an event
 * on the day the clocks change still starts at the hour the town announced.
 */
export function calendarFile(
  baseUrl: string,
  name: string,
  events: CalendarEvent[],
  method?: 'request' | 'cancel',
  pageOf: (event: CalendarEvent) => string = (event) => `${baseUrl}/veranstaltungen/${event.id}`,
): string {
  const host = new URL(baseUrl).hostname;
  const calendar = ical({ name, prodId: { company: 'Vielfalt verankern', product: 'Veranstaltungen', language: 'DE' } });
  if (method) calendar.method(method === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  for (const event of events) {
    const url = pageOf(event);
    calendar.createEvent({
      id: `event-${event.id}@${host}`,
      start: event.starts_at,
      end: event.ends_at,
      summary: event.title,
      description: [event.description, url].filter(Boolean).join('\n\n'),
      location: [event.venue, event.address, event.online_url].filter(Boolean).join(', ') || null,
      url,
      status: event.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A cancellation must win over the invitation in calendars that already hold the event.
      sequence: event.cancelled_at ? 1 : 0,
    });
  }
  return calendar.toString();
}
