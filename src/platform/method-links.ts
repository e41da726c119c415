import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import type { FieldErrors } from './http/errors.ts';
import { FORM_REFRESH_FIELD, formList } from './http/forms.ts';
import type { AppServices } from './module.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What may name the method cards it used: a measure (strategy), an event (events), a training module (qualification). */
export type MethodUseKind = 'measure' | 'event' | 'training_module';

/** The record that names cards: its kind, its id and its town (none for a training module, which is the Land's). */
export interface MethodUser {
  kind: MethodUseKind;
  objectId: number;
  municipalityId: number | null;
  /**
   * Whether the public may see the record (every measure; a published event that is no training
   * session; a module of a published programme). The card's public counts take only these, so a
   * draft never shows on the toolkit.
   */
  isPublic: boolean;
}

/**
 * The method cards other records name, offered by the module that keeps the cards (the toolkit)
 * in its manifest. The strategy, events and qualification modules use it without importing the
 * toolkit, which itself reads measures and events through their index.ts (an import back would be
 * a cycle). The link table is the toolkit's; only its repository writes it.
 */
export interface MethodLinks {
  /**
   * For the picker of a form: the given cards that are published, and one page of the other
   * published cards (matching the text, by title) with their total.
   */
  choices(db: Db, query: { selected: number[]; text: string; offset: number; limit: number }): Promise<{ selected: MethodCard[]; found: MethodCard[]; total: number }>;
  /** The ids of the cards a record names. */
  named(db: Db, kind: MethodUseKind, objectId: number): Promise<number[]>;
  /** Of the given ids, those that are published cards (a draft of any town, or no card, drops out). */
  published(db: Db, ids: number[]): Promise<number[]>;
  /** Sets what a record names (inside the record's own transaction); the ids must have passed `published`. */
  replace(trx: Db, user: MethodUser, methodIds: number[]): Promise<void>;
  /** Tells the toolkit that records became public or not (an event published, a programme withdrawn), so the cards' counts follow. */
  setPublic(trx: Db, kind: MethodUseKind, objectIds: number[], isPublic: boolean): Promise<void>;
  /** Forgets what a deleted record named. */
  forget(trx: Db, kind: MethodUseKind, objectId: number): Promise<void>;
}

/** A card as a form offers it: its title and the town it comes from. */
export interface MethodCard {
  id: number;
  title: string;
  town: string;
}

/** What a form's picker shows: the ticked cards, the search typed and one page of the cards found. */
export interface MethodPicker {
  selected: MethodCard[];
  found: MethodCard[];
  total: number;
  page: number;
  pageSize: number;
  text: string;
}

export const METHOD_SEARCH_FIELD = 'methodSearch';
export const METHOD_PAGE_SIZE = 10;

/** The refresh value of the picker's buttons: its search (page 1) and its pages. */
export function methodPageValue(page: number): string {
  return `methods:${page}`;
}

/**
 * The picker of a form with the cards ticked and the form's values (its search text, and the page
 * of the button pressed): hundreds of cards are never listed at once, and the search works
 * without JavaScript by sending the form back (FORM_REFRESH_FIELD), keeping what was typed.
 */
export async function methodPicker(links: MethodLinks | null, db: Db, ticked: ReadonlyArray<string | number>, values: Record<string, string | undefined>): Promise<MethodPicker | null> {
  if (!links) return null;
  const selected = [...new Set(ticked.map(String).filter((v) => /^\d{1,9}$/.test(v)))].slice(0, 30).map(Number);
  const text = (values[METHOD_SEARCH_FIELD] ?? '').trim().slice(0, 100);
  const page = Math.min(Number(/^methods:(\d{1,4})$/.exec(values[FORM_REFRESH_FIELD] ?? '')?.[1] ?? 1) || 1, 1000);
  const result = await links.choices(db, { selected, text, offset: (page - 1) * METHOD_PAGE_SIZE, limit: METHOD_PAGE_SIZE });
  return { ...result, page, pageSize: METHOD_PAGE_SIZE, text };
}

/** The registered provider, or null in an app without the toolkit (then forms offer no cards). */
export function methodLinks(services: Pick<AppServices, 'modules'>): MethodLinks | null {
  return services.modules().find((m) => m.methodLinks)?.methodLinks ?? null;
}

/** The form field of the ticked cards. */
export const METHOD_IDS_FIELD = 'methodIds';

/** The ticked card ids: digits only, each once, at most 30; anything else is a message at the field. */
export function readMethodIds(body: unknown): { ids: number[]; errors: FieldErrors } {
  const raw = [...new Set(formList(body, METHOD_IDS_FIELD).filter((v) => v !== ''))];
  if (raw.length > 30 || !raw.every((v) => /^\d{1,9}$/.test(v))) return { ids: [], errors: { [METHOD_IDS_FIELD]: { key: 'validation.choice' } } };
  return { ids: raw.map(Number), errors: {} };
}

/** Checks that every ticked id is a published card: a message at the field otherwise (422), never a link. */
export async function checkMethodIds(links: MethodLinks | null, db: Db, ids: number[]): Promise<FieldErrors> {
  if (!ids.length) return {};
  if (!links) return { [METHOD_IDS_FIELD]: { key: 'validation.choice' } };
  const ok = await links.published(db, ids);
  return ok.length === ids.length ? {} : { [METHOD_IDS_FIELD]: { key: 'validation.choice' } };
}
