import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt, Optional } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

export const EVENT_FORMATS = ['dialogue', 'idea_workshop', 'innovation_circle', 'network_meeting', 'training', 'other'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_MODES = ['in_person', 'online', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The voluntary statistics of a registration, in the order the form offers them ("not stated" first). */
export const SEX_OPTIONS = ['not_stated', 'female', 'male', 'diverse'] as const;
export type Sex = (typeof SEX_OPTIONS)[number];
export const AGE_GROUPS = ['not_stated', 'under_18', '18_24', '25_54', '55_64', '65_plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const THIRD_COUNTRY_OPTIONS = ['not_stated', 'yes', 'no'] as const;
export type ThirdCountry = (typeof THIRD_COUNTRY_OPTIONS)[number];

export interface EventsTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  description: Generated<string>;
  format: EventFormat;
  mode: EventMode;
  venue: Generated<string>;
  address: Generated<string>;
  online_url: Generated<string>;
  district_id: Optional<number | null>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  registration_opens_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  registration_closes_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  accessibility: ColumnType<string[], string[] | undefined, string[]>;
  accessibility_note: Generated<string>;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  image_file_id: Optional<number | null>;
  image_alt: Generated<string>;
  signed_list_file_id: Optional<number | null>;
  feedback_survey_id: Optional<number | null>;
  published: Generated<boolean>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancel_reason: Generated<string>;
  reminder_sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
  /** Set for the sessions of a training cohort, which are not offered publicly. */
  cohort_id: Optional<number | null>;
  module_id: Optional<number | null>;
}

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: Optional<number | null>;
  name: string;
  email: Optional<string | null>;
  organisation: Generated<string>;
  home_town: Generated<string>;
  sex: Generated<Sex>;
  age_group: Generated<AgeGroup>;
  third_country: Generated<ThirdCountry>;
  status: RegistrationStatus;
  locale: Generated<string>;
  attended: Generated<boolean>;
  checked_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When a staff member confirmed having seen the person's target-group evidence (F3), and who. */
  target_group_confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  target_group_confirmed_by: Optional<number | null>;
  walk_in: Generated<boolean>;
  paper_consent: Generated<boolean>;
  created_at: CreatedAt;
  promoted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface EventsTables {
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends EventsTables {}
}
