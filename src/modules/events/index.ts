/** Public face of the events module. */
export { eventsModule } from './module.tsx';
export { type CalendarEvent, calendarFile } from './calendar.ts';
export { type EventMode, insertTrainingSession, SESSION_MODES, cancelTrainingSession, trainingSessions, type TrainingSessionInput } from './training-sessions-repository.ts';
export { eventOptions, eventsByIds } from './lookup-repository.ts';
