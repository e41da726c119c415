/**
 * The DCAT-AP.de catalogue: read back by two maintained RDF parsers (N3.js for Turtle, jsonld.js for
 * JSON-LD), the two serialisations are the same graph, and a harvester finds in it what GovData
 * needs: each dataset with title, description, publisher, licence, contact point, political
 * geocoding (the AGS for a town's dataset) and distributions whose addresses answer with their files.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsonld from 'jsonld';
import { Parser, type Quad, type Term } from 'n3';
import { startTestApp, type TestApp } from '../support/app.ts';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const DCATDE = 'http://dcat-ap.de/def/dcatde/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BENSHEIM = '06431002';

function term(t: Term): string {
  if (t.termType === 'Literal') return `"${t.value}"@${t.language}^^${t.datatype.value}`;
  return `<${t.value}>`;
}
const statement = (q: Quad) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}`;

describe('DCAT-AP.de catalogue of the open data', () => {
  let t: TestApp;
  let turtle: Quad[];
  const get = (url: string) => t.app.fastify.inject({ method: 'GET', url });
  const objects = (subject: string, predicate: string) => turtle.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    const response = await get('/opendata/catalog.ttl');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/turtle/);
    turtle = new Parser({ format: 'text/turtle' }).parse(response.body);
  });
  after(() => t.close());

  it('is valid Turtle and valid JSON-LD describing the same graph', async () => {
    const response = await get('/opendata/catalog.jsonld');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(JSON.parse(response.body), { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(nquads);
    assert.ok(turtle.length > 200, `${turtle.length} statements`);
    assert.deepEqual(new Set(fromJsonLd.map(statement)), new Set(turtle.map(statement)));
  });

  it('describes every collection as a dataset for Hessen, and those of towns once more per participating town with its AGS', async () => {
    const catalogue = turtle.find((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Catalog`)?.subject.value;
    assert.ok(catalogue);
    const datasets = objects(catalogue, `${DCAT}dataset`).map((o) => o.value);
    const collections = t.app.modules.flatMap((m) => m.openData ?? []);
    const participants = await t.app.services.db
      .selectFrom('programme_participations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const perTown = collections.filter((c) => c.perTown).length;
    assert.equal(datasets.length, collections.length + perTown * Number(participants.n));

    for (const dataset of datasets) {
      assert.ok(
        objects(dataset, RDF_TYPE).some((o) => o.value === `${DCAT}Dataset`),
        dataset,
      );
      for (const predicate of [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCT}license`, `${DCAT}contactPoint`, `${DCATDE}politicalGeocodingURI`, `${DCAT}theme`]) {
        assert.ok(objects(dataset, predicate).length > 0, `${dataset} has ${predicate}`);
      }
      assert.deepEqual(
        objects(dataset, `${DCT}title`)
          .map((o) => (o.termType === 'Literal' ? o.language : ''))
          .sort(),
        ['de', 'en'],
      );
      assert.equal(objects(dataset, `${DCAT}distribution`).length, 2, 'a CSV and a JSON file');
    }
    const measures = `${catalogue}#dataset-measures-${BENSHEIM}`;
    assert.ok(datasets.includes(measures), 'Bensheim’s measures are a dataset of their own');
    assert.deepEqual(
      objects(measures, `${DCATDE}politicalGeocodingURI`).map((o) => o.value),
      [`http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${BENSHEIM}`],
    );
    assert.match(objects(measures, `${DCT}title`).find((o) => o.termType === 'Literal' && o.language === 'de')?.value ?? '', /Bensheim/);
    assert.deepEqual(
      objects(`${catalogue}#dataset-municipalities`, `${DCATDE}politicalGeocodingURI`).map((o) => o.value),
      ['http://dcat-ap.de/def/politicalGeocoding/stateKey/06'],
    );
    assert.deepEqual(
      objects(`${catalogue}#dataset-municipalities`, `${DCT}license`).map((o) => o.value),
      ['http://dcat-ap.de/def/licenses/dl-by-de/2.0'],
    );
  });

  it('gives each distribution a format, a media type and an address that answers with that file', async () => {
    const distributions = [...new Set(turtle.filter((q) => q.predicate.value === `${DCAT}distribution`).map((q) => q.object.value))];
    const sample = distributions.filter((d) => d.includes(`-${BENSHEIM}-`) || /#dataset-[a-z-]+-(csv|json)$/.test(d));
    assert.ok(sample.length >= 20, `${sample.length} distributions checked`);
    for (const distribution of sample) {
      const [url] = objects(distribution, `${DCAT}downloadURL`).map((o) => new URL(o.value));
      const [format] = objects(distribution, `${DCT}format`).map((o) => o.value);
      assert.ok(url && format, distribution);
      assert.equal(objects(distribution, `${DCAT}mediaType`).length, 1);
      const response = await get(`${url.pathname}${url.search}`);
      assert.equal(response.statusCode, 200, url.href);
      const expected = format.endsWith('/CSV') ? /^text\/csv/ : /^application\/json/;
      assert.match(response.headers['content-type'] as string, expected, url.href);
    }
  });

  it('names the contact e-mail, the programme period and the read API as data service', async () => {
    const contact = turtle.find((q) => q.predicate.value === `${DCAT}contactPoint`)?.object.value ?? '';
    assert.match(objects(contact, 'http://www.w3.org/2006/vcard/ns#hasEmail')[0]?.value ?? '', /^mailto:.+@/);
    const temporal = turtle.find((q) => q.predicate.value === `${DCT}temporal`)?.object.value ?? '';
    assert.match(objects(temporal, `${DCAT}startDate`)[0]?.value ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const service = turtle.find((q) => q.predicate.value === `${DCAT}accessService`)?.object.value ?? '';
    const description = objects(service, `${DCAT}endpointDescription`)[0]?.value ?? '';
    assert.equal((await get(new URL(description).pathname)).statusCode, 200, 'the OpenAPI document is there');
  });
});

describe('DCAT catalogue with the other licence', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { OPEN_DATA_LICENCE: 'cc-by-4.0' } });
  });
  after(() => t.close());

  it('names CC BY 4.0 for every dataset when the operator chose it', async () => {
    const quads = new Parser().parse((await t.app.fastify.inject({ method: 'GET', url: '/opendata/catalog.ttl' })).body);
    const licences = new Set(quads.filter((q) => q.predicate.value === `${DCT}license`).map((q) => q.object.value));
    assert.deepEqual([...licences], ['http://dcat-ap.de/def/licenses/cc-by/4.0']);
  });
});
