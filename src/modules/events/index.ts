/** Public face of the events module. */
export { eventsModule } from './module.tsx';
export { type CalendarEvent, calendarFile } from './calendar.ts';
