import type { FieldErrors } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { createTranslator } from '../../platform/i18n/catalog.ts';
import { OrganisationForm, tagList } from './forms.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './tables.ts';

/** The organisation fields a column can fill, in the order the mapping form shows them; `name` is the one required. */
export const IMPORT_FIELDS = ['name', 'type', 'fieldsOfAction', 'districtId', 'address', 'website', 'email', 'languages', 'description', 'isPublic'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Field → column number (as text, from 0); a field without a column stays empty. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** What the town's lists tend to call a column, besides the form's own labels (so an export comes back in unchanged). */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'organisation', 'organisationsname', 'organization', 'verein', 'einrichtung', 'institution', 'traeger', 'akteur', 'bezeichnung'],
  type: ['typ', 'art', 'type', 'organisationstyp', 'kategorie', 'organisationsart', 'rechtsform'],
  fieldsOfAction: ['handlungsfeld', 'handlungsfelder', 'themen', 'thema', 'arbeitsfeld', 'arbeitsfelder', 'fieldsofaction', 'fieldofaction'],
  districtId: ['ortsteil', 'stadtteil', 'quartier', 'district', 'ort'],
  address: ['adresse', 'anschrift', 'address', 'strasse', 'str', 'postanschrift'],
  website: ['website', 'webseite', 'homepage', 'internet', 'internetseite', 'url', 'web', 'internetadresse'],
  email: ['email', 'mail', 'emailadresse', 'kontaktemail', 'mailadresse'],
  languages: ['sprachen', 'sprache', 'languages', 'language'],
  description: ['beschreibung', 'kurzbeschreibung', 'description', 'bemerkung', 'bemerkungen', 'notiz', 'notizen', 'angebot'],
  isPublic: ['oeffentlich', 'public', 'veroeffentlichen', 'sichtbar', 'verzeichnis', 'zustimmung'],
};

/** Lower case, umlauts folded, only letters and digits: "E-Mail-Adresse" and "email adresse" meet. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

const translators = [createTranslator('de'), createTranslator('en')];

function namesOf(field: ImportField): Set<string> {
  const labels = translators.flatMap((t) => [t(`network.workspace.organisation.${field}`), t(`network.workspace.organisation.column_${field}`)]);
  return new Set([...SYNONYMS[field], ...labels.map(headerKey)]);
}

/**
 * The mapping to propose for a file: the columns the town mapped last time (by header), then a
 * header that is a known name of the field. Each column fills one field at most.
 */
export function guessMapping(headers: string[], remembered: Record<string, string> = {}): ImportMapping {
  const keys = headers.map(headerKey);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const take = (field: ImportField, index: number) => {
    if (index < 0 || used.has(index) || mapping[field] !== undefined) return;
    mapping[field] = String(index);
    used.add(index);
  };
  for (const field of IMPORT_FIELDS) {
    const header = remembered[field];
    if (header) take(field, keys.indexOf(headerKey(header)));
  }
  for (const field of IMPORT_FIELDS) {
    const names = namesOf(field);
    take(
      field,
      keys.findIndex((k, i) => !used.has(i) && names.has(k)),
    );
  }
  return mapping;
}

/** The mapping by header name, to remember for the town's next file (its columns may come in another order). */
export function mappingByHeader(headers: string[], mapping: ImportMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of IMPORT_FIELDS) {
    const header = headers[Number(mapping[field])];
    if (mapping[field] !== undefined && mapping[field] !== '' && header) out[field] = header;
  }
  return out;
}

/** A column number for each field, or nothing: what the mapping form sends, with anything else dropped (the form says so). */
export function readMapping(body: Record<string, unknown>, columns: number): { mapping: ImportMapping; errors: FieldErrors } {
  const mapping: ImportMapping = {};
  const errors: FieldErrors = {};
  for (const field of IMPORT_FIELDS) {
    const raw = body[field];
    if (raw === undefined || raw === '') continue;
    const index = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : -1;
    if (index < 0 || index >= columns) errors[field] = { key: 'validation.choice' };
    else mapping[field] = String(index);
  }
  if (mapping.name === undefined && !errors.name) errors.name = { key: 'network.workspace.import.name_needed' };
  return { mapping, errors };
}

/** The values of an organisation as the repository writes them. */
export interface ImportValues {
  name: string;
  type: OrganisationType;
  fields_of_action: string[];
  district_id: number | null;
  address: string;
  website: string;
  email: string;
  languages: string[];
  description: string;
  is_public: boolean;
}

export interface CheckedRow {
  /** The row's line in the sheet (the header is line 1). */
  line: number;
  cells: string[];
  values: ImportValues | null;
  errors: FieldErrors;
}

const TYPE_BY_LABEL = new Map<string, OrganisationType>(
  ORGANISATION_TYPES.flatMap((type) => [[headerKey(type), type] as const, ...translators.map((t) => [headerKey(t(`network.type.${type}`)), type] as const)]),
);
const YES = new Set(['ja', 'yes', 'x', '1', 'true', 'wahr', 'oeffentlich', 'public', 'j', 'y']);
const NO = new Set(['nein', 'no', '0', 'false', 'falsch', 'intern', 'internal', 'n', '-']);

/**
 * Each row checked as the organisation form checks it (the same schema), after reading the
 * spreadsheet's words: a type by its German or English name, a district by its name, "ja"/"nein"
 * for the directory, a website without "https://". Which fields a row has comes from the mapping.
 */
export function checkRows(rows: string[][], mapping: ImportMapping, districts: Array<{ id: number; name: string }>): CheckedRow[] {
  const districtByName = new Map(districts.map((d) => [headerKey(d.name), d.id]));
  const column = Object.entries(mapping)
    .filter(([, index]) => index !== undefined && index !== '')
    .map(([field, index]) => [field, Number(index)] as const);
  return rows.map((cells, i) => {
    const raw: Record<string, string> = {};
    for (const [field, index] of column) raw[field] = cells[index] ?? '';
    const errors: FieldErrors = {};
    const body: Record<string, string> = { ...raw, type: 'other' };
    if (raw.type) {
      const type = TYPE_BY_LABEL.get(headerKey(raw.type));
      if (type) body.type = type;
      else errors.type = { key: 'network.workspace.import.unknown_type', params: { value: raw.type.slice(0, 80) } };
    }
    body.districtId = '';
    if (raw.districtId) {
      const id = districtByName.get(headerKey(raw.districtId));
      if (id) body.districtId = String(id);
      else errors.districtId = { key: 'network.workspace.import.unknown_district', params: { value: raw.districtId.slice(0, 80) } };
    }
    body.isPublic = '';
    if (raw.isPublic) {
      const key = headerKey(raw.isPublic) || raw.isPublic.trim();
      if (YES.has(key)) body.isPublic = 'on';
      else if (!NO.has(key)) errors.isPublic = { key: 'network.workspace.import.yes_or_no' };
    }
    if (raw.website && !/^https?:\/\//i.test(raw.website) && /^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(raw.website)) body.website = `https://${raw.website}`;
    const parsed = parseForm(OrganisationForm, body);
    if (!parsed.ok) for (const [field, message] of Object.entries(parsed.errors)) errors[field] ??= message;
    if (!parsed.ok || Object.keys(errors).length) return { line: i + 2, cells, values: null, errors };
    const input = parsed.value;
    return {
      line: i + 2,
      cells,
      errors,
      values: {
        name: input.name,
        type: input.type,
        fields_of_action: tagList(input.fieldsOfAction),
        district_id: input.districtId ?? null,
        address: input.address ?? '',
        website: input.website ?? '',
        email: input.email ?? '',
        languages: tagList(input.languages),
        description: input.description ?? '',
        is_public: input.isPublic === 'on',
      },
    };
  });
}
