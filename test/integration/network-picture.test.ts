/**
 * The network picture kept in memory: it is computed again after every committed change of the
 * town's organisations or cooperations (the version the database counts, migration 0033) and not
 * before — an uncommitted or rolled-back change leaves it as it was; and a town of more than 150
 * organisations draws its 150 best connected while the paged table lists every one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { networkFiguresRepository } from '../../src/modules/network/figures-repository.ts';
import { DRAWN_LIMIT, networkPicture, TABLE_PAGE_SIZE } from '../../src/modules/network/picture.ts';
import { networkService } from '../../src/modules/network/service.ts';
import { SYSTEM } from '../../src/platform/access/actor.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { testEngine } from '../support/database.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const DAY = '2023-06-30';
const FROM = '2022-07-01';

describe('network picture: version and drawing limit', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let bigTown: number;
  const ids: Record<string, number> = {};
  let coordinator: TestClient;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    bigTown = await municipalityId(db, VIERNHEIM);
    const f = networkFactory(db, town);
    ids.a = await f.organisation('Verein A');
    ids.b = await f.organisation('Verein B');
    ids.c = await f.organisation('Verein C');
    await f.cooperation(ids.a, ids.b, '2021-01-01');

    // 160 organisations: a hub with 40 partners, then pairs; the 10 left over have no partner.
    const rows = Array.from({ length: 160 }, (_, i) => ({
      municipality_id: bigTown,
      name: `Organisation ${String(i).padStart(3, '0')}`,
      type: i % 5 === 0 ? ('migrant_organisation' as const) : ('club' as const),
      description: '',
      address: '',
      website: '',
      email: '',
      is_public: true,
    }));
    const big = (await db.insertInto('network_organisations').values(rows).returning('id').execute()).map((r) => r.id);
    const links: Array<[number, number]> = [];
    for (let i = 1; i <= 40; i++) links.push([big[0] as number, big[i] as number]);
    for (let i = 41; i + 1 < 150; i += 2) links.push([big[i] as number, big[i + 1] as number]);
    await db
      .insertInto('network_cooperations')
      .values(links.map(([o, p]) => ({ municipality_id: bigTown, organisation_id: o, partner_id: p, type: 'project' as const, starts_on: '2021-01-01', ends_on: null, description: '', outputs: '' })))
      .execute();
    const user = await createUser(db, { email: 'bild@viernheim.test', roles: [{ role: 'coordinator', municipalityId: bigTown }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(user.email, TEST_PASSWORD);
  });
  after(() => t.close());

  const scope = () => ({ municipalityId: town, publicOnly: false });

  it('gives the same state while the network is unchanged, and reads counts no version up', async () => {
    const version = await networkFiguresRepository(db).version(town);
    const first = await networkPicture(db, scope(), DAY, FROM);
    const second = await networkPicture(db, scope(), DAY, FROM);
    assert.equal(first, second, 'the kept state is used');
    assert.equal(await networkFiguresRepository(db).version(town), version);
    assert.equal(first.figures.activeCooperations, 1);
  });

  it('computes the picture again after a committed change, but not before the change commits nor after a rollback', async () => {
    const repo = networkFiguresRepository(db);
    const kept = await networkPicture(db, scope(), DAY, FROM);
    const version = await repo.version(town);

    // PGlite has one connection, so a transaction left open would hold every other query: PostgreSQL only.
    if (testEngine() === 'postgres') {
      // A change inside a transaction that is still open: the picture read meanwhile is the old one.
      let release: () => void = () => undefined;
      const waiting = new Promise<void>((resolve) => {
        release = resolve;
      });
      let inserted: () => void = () => undefined;
      const done = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const rolledBack = db
        .transaction()
        .execute(async (trx) => {
          await networkFactory(trx, town).cooperation(ids.b, ids.c, '2022-01-01');
          inserted();
          await waiting;
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await done;
      assert.equal(await repo.version(town), version, 'an uncommitted change is not counted outside its transaction');
      assert.equal(await networkPicture(db, scope(), DAY, FROM), kept, 'an uncommitted change is not seen');
      release();
      await rolledBack;
    }
    // A rolled-back change counts nothing (on both engines).
    await db
      .transaction()
      .execute(async (trx) => {
        await networkFactory(trx, town).cooperation(ids.b, ids.c, '2022-01-01');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    assert.equal(await repo.version(town), version, 'a rollback counts nothing');
    assert.equal(await networkPicture(db, scope(), DAY, FROM), kept);

    // A committed change through the service: the next picture is new and shows it.
    await networkService(db).addCooperation(SYSTEM, { id: town }, { organisationId: ids.b, partnerId: ids.c, type: 'event', startsOn: '2022-01-01' });
    assert.notEqual(await repo.version(town), version);
    const after = await networkPicture(db, scope(), DAY, FROM);
    assert.notEqual(after, kept);
    assert.equal(after.figures.activeCooperations, 2);
    assert.equal(after.figures.isolated, 0);
    assert.deepEqual(after.table.find((r) => r.id === ids.c)?.partners, ['Verein B']);

    // A change of an organisation counts too (its name is in the table).
    await db.updateTable('network_organisations').set({ name: 'Verein C neu' }).where('id', '=', ids.c).execute();
    const renamed = await networkPicture(db, scope(), DAY, FROM);
    assert.equal(renamed.table.find((r) => r.id === ids.c)?.name, 'Verein C neu');
  });

  it(`draws the ${DRAWN_LIMIT} best connected organisations of a larger town and lists all of them in the table`, async () => {
    const state = await networkPicture(db, { municipalityId: bigTown, publicOnly: false }, DAY, FROM);
    assert.equal(state.picture.total, 160);
    assert.equal(state.picture.nodes.length, DRAWN_LIMIT);
    assert.equal(state.table.length, 160);
    const drawn = new Set(state.picture.nodes.map((n) => n.id));
    // The hub and every organisation with a partner is drawn; of those without, only enough to fill the limit.
    const hub = state.table.find((r) => r.name === 'Organisation 000');
    assert.equal(hub?.degree, 40);
    assert.ok(hub && drawn.has(hub.id));
    for (const row of state.table) if (row.degree > 0) assert.ok(drawn.has(row.id), row.name);
    for (const e of state.picture.edges) assert.ok(drawn.has(e.source.id) && drawn.has(e.target.id));
  });

  it('says on the page that only part is drawn, and pages through the full table', async () => {
    const path = `/verwaltung/${VIERNHEIM}/netzwerk?stand=${DAY}`;
    const first = await coordinator.get(path);
    assert.equal(first.statusCode, 200);
    const text = visibleText(first.body);
    assert.match(text, new RegExp(`Das Bild zeigt die ${DRAWN_LIMIT} Organisationen mit den meisten Partnern .* insgesamt sind es 160 Organisationen`));
    const names = new Set<string>();
    const pages = Math.ceil(160 / TABLE_PAGE_SIZE);
    for (let page = 1; page <= pages; page++) {
      const body = (await coordinator.get(`${path}&tabelle=${page}`)).body;
      const table = body.slice(body.indexOf('Organisationen und ihre Partner'));
      for (const m of table.matchAll(/<th scope="row" class="kern-table__cell">(Organisation \d{3})<\/th>/g)) names.add(m[1] as string);
    }
    assert.equal(names.size, 160);
  });
});
