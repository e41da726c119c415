import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, NullableTime, Optional, Timestamp } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

export const STATUSES = ['draft', 'submitted', 'changes_requested', 'published', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

export const DURATIONS = ['short', 'half_day', 'full_day', 'several_days', 'series'] as const;
export type Duration = (typeof DURATIONS)[number];

export const GROUP_SIZES = ['small', 'medium', 'large', 'any'] as const;
export type GroupSize = (typeof GROUP_SIZES)[number];

export const FORMATS = ['workshop', 'dialogue', 'training_unit', 'campaign', 'event', 'counselling', 'other'] as const;
export type MethodFormat = (typeof FORMATS)[number];

export const TARGET_GROUPS = ['newcomers', 'youth', 'women', 'seniors', 'families', 'staff', 'volunteers', 'clubs', 'everyone'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** The programme's fields of action (Handlungsfelder), as the strategies name them. */
export const FIELDS = ['education', 'work', 'administration', 'civil_society', 'housing', 'participation', 'anti_discrimination', 'health', 'culture'] as const;
export type Field = (typeof FIELDS)[number];

export const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'dl-de-by-2.0'] as const;
export type Licence = (typeof LICENCES)[number];

/** The languages a card may be translated into (German is the source). */
export const TRANSLATION_LOCALES = ['en', 'tr', 'ar', 'uk', 'ru', 'fa', 'de-x-leicht'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

export const USE_KINDS = ['measure', 'event', 'training_module', 'example'] as const;
export type UseKind = (typeof USE_KINDS)[number];

export const ATTACHMENT_KINDS = ['pdf', 'docx', 'pptx', 'image'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

type TextList = ColumnType<string[], string[] | undefined, string[]>;

export interface ToolkitMethodsTable {
  id: Generated<number>;
  municipality_id: number;
  status: Optional<Status>;
  title: string;
  summary: string;
  goal: Optional<string>;
  steps: TextList;
  duration: Duration;
  group_size: GroupSize;
  target_groups: TextList;
  fields_of_action: TextList;
  format: MethodFormat;
  materials: Optional<string>;
  contact: Optional<string>;
  languages: TextList;
  licence: Optional<Licence>;
  easy_summary: Optional<string>;
  review_note: Optional<string>;
  version: Optional<number>;
  attachment_text: Optional<string>;
  /** How many towns and public records (measures, published events, modules of published programmes) name the card; written with the links. */
  use_towns: Generated<number>;
  use_count: Generated<number>;
  /** Written by the repository from title, summary (weight A), goal, steps (B) and attachments (C). */
  search: ColumnType<string, never, never>;
  published_at: NullableTime;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ToolkitVersionsTable {
  id: Generated<number>;
  version: number;
  status: string;
  content: Json<Record<string, unknown>>;
  actor_user_id: number | null;
  created_at: CreatedAt;
}

export interface ToolkitMethodVersionsTable extends ToolkitVersionsTable {
  method_id: number;
}

export interface ToolkitExampleVersionsTable extends ToolkitVersionsTable {
  example_id: number;
}

export interface ToolkitMethodTranslationsTable {
  method_id: number;
  locale: TranslationLocale;
  title: string;
  summary: string;
  goal: Optional<string>;
  steps: TextList;
  updated_at: Timestamp;
}

export interface ToolkitAttachmentsTable {
  id: Generated<number>;
  method_id: number;
  file_id: number;
  title: string;
  kind: AttachmentKind;
  text_content: Optional<string>;
  created_at: CreatedAt;
}

export interface ToolkitExamplesTable {
  id: Generated<number>;
  municipality_id: number;
  status: Optional<Status>;
  title: string;
  problem: string;
  approach: string;
  result: string;
  lessons: Optional<string>;
  review_note: Optional<string>;
  version: Optional<number>;
  published_at: NullableTime;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ToolkitExampleMethodsTable {
  example_id: number;
  method_id: number;
}

/** What an example names besides its methods: the measures it belongs to, the events where it ran. */
export const EXAMPLE_LINK_KINDS = ['measure', 'event'] as const;
export type ExampleLinkKind = (typeof EXAMPLE_LINK_KINDS)[number];

export interface ToolkitExampleLinksTable {
  example_id: number;
  kind: ExampleLinkKind;
  object_id: number;
}

export interface ToolkitMethodUsesTable {
  method_id: number;
  kind: UseKind;
  object_id: number;
  municipality_id: number | null;
  /** Whether the record is public (platform/method-links.ts); only public uses are counted on the card. */
  is_public: boolean;
  created_at: CreatedAt;
}

/** One row: counted up by a trigger whenever what the search's facet counts are made of changes (migration 0040). */
export interface ToolkitSearchStateTable {
  singleton: boolean;
  /** Counted up by every change of a published card's filters, texts or town (migration 0040). */
  version: Generated<number>;
  /** Counted up by every change of the cards' use counts (migration 0042). */
  uses_version: Generated<number>;
}

export interface ToolkitTables {
  toolkit_methods: ToolkitMethodsTable;
  toolkit_method_versions: ToolkitMethodVersionsTable;
  toolkit_method_translations: ToolkitMethodTranslationsTable;
  toolkit_attachments: ToolkitAttachmentsTable;
  toolkit_examples: ToolkitExamplesTable;
  toolkit_example_versions: ToolkitExampleVersionsTable;
  toolkit_example_methods: ToolkitExampleMethodsTable;
  toolkit_method_uses: ToolkitMethodUsesTable;
  toolkit_example_links: ToolkitExampleLinksTable;
  toolkit_search_state: ToolkitSearchStateTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends ToolkitTables {}
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
