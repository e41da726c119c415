import { DataFactory, type Quad, type Quad_Object } from 'n3';
import { createTranslator } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import type { OpenDataCollection } from '../../platform/open-data.ts';
import { parsePeriod } from '../monitoring/index.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { collections, lastModifiedOf } from './service.ts';

const { namedNode, literal, quad } = DataFactory;

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

const iri = (prefix: keyof typeof PREFIXES, local: string) => namedNode(PREFIXES[prefix] + local);
const RDF_TYPE = iri('rdf', 'type');

/** The licence URIs of the DCAT-AP.de vocabulary for the licences the operator may choose. */
const LICENCE_URI: Record<AppServices['config']['openDataLicence'], string> = {
  'dl-de/by-2-0': 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
  'cc-by-4.0': 'http://dcat-ap.de/def/licenses/cc-by/4.0',
};
const GEOCODING = 'http://dcat-ap.de/def/politicalGeocoding/';
const HESSEN_STATE_KEY = '06';
const FORMATS = {
  csv: { fileType: 'CSV', mediaType: 'text/csv' },
  json: { fileType: 'JSON', mediaType: 'application/json' },
} as const;

interface Town {
  ags: string;
  name: string;
}

/**
 * The DCAT-AP.de catalogue of the open data as RDF statements: one dataset per collection for all of
 * Hessen, and for collections that belong to towns one more per participating town with its AGS as
 * political geocoding, each with a CSV and a JSON distribution and the read API as data service.
 * Every node has an IRI (no blank nodes), so Turtle and JSON-LD describe the same graph, statement for statement.
 */
export async function catalogueQuads(services: AppServices): Promise<Quad[]> {
  const base = services.config.baseUrl.replace(/\/$/, '');
  const de = createTranslator('de');
  const en = createTranslator('en');
  const out: Quad[] = [];
  const add = (s: string, p: ReturnType<typeof iri>, o: Quad_Object) => out.push(quad(namedNode(s), p, o));
  const text = (s: string, p: ReturnType<typeof iri>, key: string, params?: Record<string, string>) => {
    add(s, p, literal(de(key, params), 'de'));
    add(s, p, literal(en(key, params), 'en'));
  };
  const dateTime = (d: Date) => literal(d.toISOString(), iri('xsd', 'dateTime'));

  const catalogue = `${base}/opendata/catalog`;
  const publisher = `${catalogue}#publisher`;
  const contact = `${catalogue}#contact`;
  const service = `${base}/api/v1`;
  const programme = parsePeriod('programm');
  const period = `${catalogue}#programme-period`;
  const licence = namedNode(LICENCE_URI[services.config.openDataLicence]);

  add(catalogue, RDF_TYPE, iri('dcat', 'Catalog'));
  text(catalogue, iri('dct', 'title'), 'opendata.catalog.title');
  text(catalogue, iri('dct', 'description'), 'opendata.catalog.description');
  add(catalogue, iri('dct', 'publisher'), namedNode(publisher));
  add(catalogue, iri('foaf', 'homepage'), namedNode(`${base}/opendata`));
  add(catalogue, iri('dct', 'language'), namedNode('http://publications.europa.eu/resource/authority/language/DEU'));
  add(catalogue, iri('dct', 'license'), licence);
  add(catalogue, iri('dcat', 'service'), namedNode(service));

  add(publisher, RDF_TYPE, iri('foaf', 'Organization'));
  add(publisher, iri('foaf', 'name'), literal(de('opendata.catalog.publisher'), 'de'));
  add(contact, RDF_TYPE, iri('vcard', 'Organization'));
  add(contact, iri('vcard', 'fn'), literal(de('opendata.catalog.publisher'), 'de'));
  add(contact, iri('vcard', 'hasEmail'), namedNode(`mailto:${services.config.openDataContactEmail}`));
  if (programme) {
    add(period, RDF_TYPE, iri('dct', 'PeriodOfTime'));
    add(period, iri('dcat', 'startDate'), literal(programme.from, iri('xsd', 'date')));
    add(period, iri('dcat', 'endDate'), literal(programme.to, iri('xsd', 'date')));
  }

  add(service, RDF_TYPE, iri('dcat', 'DataService'));
  text(service, iri('dct', 'title'), 'opendata.catalog.service_title');
  add(service, iri('dcat', 'endpointURL'), namedNode(service));
  add(service, iri('dcat', 'endpointDescription'), namedNode(`${service}/openapi.json`));
  add(service, iri('dct', 'license'), licence);

  const dataset = (collection: OpenDataCollection, town: Town | null, modified: Date | null) => {
    const id = town ? `${collection.id}-${town.ags}` : collection.id;
    const subject = `${catalogue}#dataset-${id}`;
    const query = town ? `?ags=${town.ags}` : '';
    add(catalogue, iri('dcat', 'dataset'), namedNode(subject));
    add(subject, RDF_TYPE, iri('dcat', 'Dataset'));
    add(subject, iri('dct', 'identifier'), literal(id));
    const title = (t: typeof de) => (town ? t('opendata.catalog.town_title', { title: t(collection.titleKey), town: town.name }) : t(collection.titleKey));
    add(subject, iri('dct', 'title'), literal(title(de), 'de'));
    add(subject, iri('dct', 'title'), literal(title(en), 'en'));
    text(subject, iri('dct', 'description'), collection.textKey);
    for (const keyword of collection.keywords ?? []) add(subject, iri('dcat', 'keyword'), literal(keyword, 'de'));
    for (const theme of collection.themes ?? []) add(subject, iri('dcat', 'theme'), namedNode(`http://publications.europa.eu/resource/authority/data-theme/${theme}`));
    add(subject, iri('dct', 'publisher'), namedNode(publisher));
    add(subject, iri('dcat', 'contactPoint'), namedNode(contact));
    add(subject, iri('dct', 'license'), licence);
    add(subject, iri('dcatde', 'licenseAttributionByText'), literal(de('opendata.catalog.attribution'), 'de'));
    const geocoding = town ? `${GEOCODING}municipalityKey/${town.ags}` : `${GEOCODING}stateKey/${HESSEN_STATE_KEY}`;
    add(subject, iri('dcatde', 'politicalGeocodingLevelURI'), namedNode(`${GEOCODING}Level/${town ? 'municipality' : 'state'}`));
    add(subject, iri('dcatde', 'politicalGeocodingURI'), namedNode(geocoding));
    add(subject, iri('dct', 'spatial'), namedNode(geocoding));
    if (programme) add(subject, iri('dct', 'temporal'), namedNode(period));
    add(subject, iri('dcat', 'landingPage'), namedNode(town ? `${base}/kommunen/${town.ags}` : `${base}/opendata#od-${collection.id}`));
    if (modified) add(subject, iri('dct', 'modified'), dateTime(modified));
    for (const format of ['csv', 'json'] as const) {
      const distribution = `${subject}-${format}`;
      const url = namedNode(`${base}/opendata/${collection.id}.${format}${query}`);
      add(subject, iri('dcat', 'distribution'), namedNode(distribution));
      add(distribution, RDF_TYPE, iri('dcat', 'Distribution'));
      add(distribution, iri('dct', 'title'), literal(`${title(de)} (${format.toUpperCase()})`, 'de'));
      add(distribution, iri('dcat', 'accessURL'), url);
      add(distribution, iri('dcat', 'downloadURL'), url);
      add(distribution, iri('dct', 'format'), namedNode(`http://publications.europa.eu/resource/authority/file-type/${FORMATS[format].fileType}`));
      add(distribution, iri('dcat', 'mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${FORMATS[format].mediaType}`));
      add(distribution, iri('dct', 'license'), licence);
      add(distribution, iri('dcat', 'accessService'), namedNode(service));
      if (modified) add(distribution, iri('dct', 'modified'), dateTime(modified));
    }
  };

  const towns: Town[] = (await participatingMunicipalities(services.db)).map((t) => ({ ags: t.ags, name: t.name }));
  for (const collection of collections(services)) {
    dataset(collection, null, await lastModifiedOf(services, collection));
    if (collection.perTown) for (const town of towns) dataset(collection, town, null);
  }
  return out;
}
