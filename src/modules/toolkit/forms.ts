import { type Static, Type } from '@sinclair/typebox';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { FormText, formList } from '../../platform/http/forms.ts';
import { DURATIONS, FIELDS, FORMATS, GROUP_SIZES, isOneOf, LICENCES, TARGET_GROUPS } from './tables.ts';

const Choice = <T extends string>(list: readonly T[]) => Type.Union(list.map((v) => Type.Literal<T>(v)));

export const MethodForm = Type.Object({
  title: FormText({ min: 1, max: 200 }),
  summary: FormText({ min: 1, max: 600 }),
  goal: Type.Optional(FormText({ max: 2000 })),
  steps: FormText({ min: 1, max: 8000 }),
  duration: Choice(DURATIONS),
  groupSize: Choice(GROUP_SIZES),
  format: Choice(FORMATS),
  materials: Type.Optional(FormText({ max: 3000 })),
  contact: Type.Optional(FormText({ max: 300 })),
  languages: Type.Optional(FormText({ max: 200 })),
  licence: Type.Optional(Choice(LICENCES)),
  easySummary: Type.Optional(FormText({ max: 1500 })),
});
export type MethodInput = Static<typeof MethodForm>;
/** The checkbox groups of the card form, read apart from the schema since they come several times. */
export const METHOD_LISTS = ['targetGroups', 'fieldsOfAction'] as const;

export interface MethodLists {
  targetGroups: string[];
  fieldsOfAction: string[];
}

/** The ticked target groups and fields of action: each from its list, at least one field. */
export function readMethodLists(body: unknown): { lists: MethodLists; errors: FieldErrors } {
  const targetGroups = [...new Set(formList(body, 'targetGroups'))];
  const fieldsOfAction = [...new Set(formList(body, 'fieldsOfAction'))];
  const errors: FieldErrors = {};
  if (!targetGroups.every((v) => isOneOf(TARGET_GROUPS, v))) errors.targetGroups = { key: 'validation.choice' };
  if (!fieldsOfAction.length) errors.fieldsOfAction = { key: 'validation.required' };
  else if (!fieldsOfAction.every((v) => isOneOf(FIELDS, v))) errors.fieldsOfAction = { key: 'validation.choice' };
  return { lists: { targetGroups, fieldsOfAction }, errors };
}

export const TranslationForm = Type.Object({
  title: FormText({ min: 1, max: 200 }),
  summary: FormText({ min: 1, max: 600 }),
  goal: Type.Optional(FormText({ max: 2000 })),
  steps: Type.Optional(FormText({ max: 8000 })),
});
export type TranslationInput = Static<typeof TranslationForm>;

export const DecisionForm = Type.Object({
  decision: Choice(['publish', 'changes', 'withdraw'] as const),
  note: Type.Optional(FormText({ max: 2000 })),
});
export type DecisionInput = Static<typeof DecisionForm>;

export const ExampleForm = Type.Object({
  title: FormText({ min: 1, max: 200 }),
  problem: FormText({ min: 1, max: 4000 }),
  approach: FormText({ min: 1, max: 4000 }),
  result: FormText({ min: 1, max: 4000 }),
  lessons: Type.Optional(FormText({ max: 4000 })),
});
export type ExampleInput = Static<typeof ExampleForm>;

/** One step a line; empty lines dropped, at most 30 steps. */
export function stepList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 30);
}

/** A list typed with commas: trimmed, empty ones dropped, each once. */
export function tagList(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

export interface MethodRecord {
  title: string;
  summary: string;
  goal: string;
  steps: string[];
  duration: string;
  group_size: string;
  format: string;
  materials: string;
  contact: string;
  languages: string[];
  licence: string;
  easy_summary: string;
  target_groups: string[];
  fields_of_action: string[];
}

export function methodToForm(m: MethodRecord): { values: Record<string, string>; lists: MethodLists } {
  return {
    values: {
      title: m.title,
      summary: m.summary,
      goal: m.goal,
      steps: m.steps.join('\n'),
      duration: m.duration,
      groupSize: m.group_size,
      format: m.format,
      materials: m.materials,
      contact: m.contact,
      languages: m.languages.join(', '),
      licence: m.licence,
      easySummary: m.easy_summary,
    },
    lists: { targetGroups: m.target_groups, fieldsOfAction: m.fields_of_action },
  };
}

/** The public list's query: what it may hold, and what makes sense of it. */
export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  feld: Type.Optional(Type.String({ maxLength: 40 })),
  zielgruppe: Type.Optional(Type.String({ maxLength: 40 })),
  format: Type.Optional(Type.String({ maxLength: 40 })),
  dauer: Type.Optional(Type.String({ maxLength: 40 })),
  gruppe: Type.Optional(Type.String({ maxLength: 40 })),
  kommune: Type.Optional(Type.String({ maxLength: 20 })),
  sortierung: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
export type SearchQueryValues = Static<typeof SearchQuery>;

export interface SearchFilter {
  text?: string;
  field?: string;
  targetGroup?: string;
  format?: string;
  duration?: string;
  groupSize?: string;
  ags?: string;
  /** Best match first (default) or the most used first. */
  sort?: 'popular';
}

/** Query values that make sense; anything else is dropped (an unknown filter value filters nothing). */
export function searchFilter(raw: SearchQueryValues): { filter: SearchFilter; query: Record<string, string | undefined> } {
  const text = raw.q?.trim().slice(0, 100) || undefined;
  const filter: SearchFilter = {
    text,
    field: isOneOf(FIELDS, raw.feld) ? raw.feld : undefined,
    targetGroup: isOneOf(TARGET_GROUPS, raw.zielgruppe) ? raw.zielgruppe : undefined,
    format: isOneOf(FORMATS, raw.format) ? raw.format : undefined,
    duration: isOneOf(DURATIONS, raw.dauer) ? raw.dauer : undefined,
    groupSize: isOneOf(GROUP_SIZES, raw.gruppe) ? raw.gruppe : undefined,
    ags: raw.kommune && /^\d{8}$/.test(raw.kommune) ? raw.kommune : undefined,
    sort: raw.sortierung === 'beliebt' ? 'popular' : undefined,
  };
  return {
    filter,
    query: {
      q: text,
      feld: filter.field,
      zielgruppe: filter.targetGroup,
      format: filter.format,
      dauer: filter.duration,
      gruppe: filter.groupSize,
      kommune: filter.ags,
      sortierung: filter.sort ? 'beliebt' : undefined,
    },
  };
}
