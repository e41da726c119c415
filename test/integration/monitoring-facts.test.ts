/**
 * Monitoring composes the facts the modules declare: unique persons across sources (accounts by
 * account, guests by normalised e-mail, a walk-in without address once), cooperations active by
 * their dates, the AMIF participant table per town and across towns (new vs returning, online vs
 * offline, a stated value over "not stated").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { amifRepository } from '../../src/modules/monitoring/amif-repository.ts';
import { engineRepository } from '../../src/modules/monitoring/engine-repository.ts';
import { parsePeriod } from '../../src/modules/monitoring/periods.ts';
import { factSources, PARTICIPANT_SOURCES, pick } from '../../src/modules/monitoring/sources.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { FactSource } from '../../src/platform/facts.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('monitoring facts', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  let sources: Map<string, FactSource>;
  const year = parsePeriod('2025') as NonNullable<ReturnType<typeof parsePeriod>>;

  const source = (id: string) => sources.get(id) as FactSource;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    sources = factSources(t.app.services.modules());
    const user = await createUser(db, { email: 'teilnehmerin@example.org' });
    const at = (day: string) => new Date(`${day}T16:00:00Z`);
    const dialogue = await createEvent(db, { municipalityId: town, startsAt: at('2025-03-10') });
    const online = await createEvent(db, { municipalityId: town, startsAt: at('2025-04-10'), mode: 'online' });
    const earlier = await createEvent(db, { municipalityId: town, startsAt: at('2024-11-10') });
    const elsewhere = await createEvent(db, { municipalityId: foreignTown, startsAt: at('2025-05-05') });
    const onlyOnline = await createEvent(db, { municipalityId: town, startsAt: at('2025-06-10'), mode: 'online' });
    const mark = (id: number, values: { sex?: 'female' | 'male'; third_country?: 'yes' | 'no'; age_group?: '25_54' }) =>
      db.updateTable('event_registrations').set(values).where('id', '=', id).execute();
    await mark(await addRegistration(db, dialogue, { userId: user.id, email: null, attended: true }), { sex: 'female', third_country: 'yes' });
    await addRegistration(db, dialogue, { email: 'Anna.Guest@Example.org ', attended: true });
    await addRegistration(db, dialogue, { email: null, name: 'Ohne Adresse', attended: true });
    await addRegistration(db, dialogue, { email: 'nicht.gekommen@example.org', attended: false });
    await mark(await addRegistration(db, online, { email: 'anna.guest@example.org', attended: true }), { sex: 'female', age_group: '25_54' });
    await addRegistration(db, online, { userId: user.id, email: null, attended: true });
    await addRegistration(db, earlier, { userId: user.id, email: null, attended: true });
    await addRegistration(db, elsewhere, { userId: user.id, email: null, attended: true });
    await addRegistration(db, onlyOnline, { email: 'nur.online@example.org', attended: true });
    await db.updateTable('events').set({ cancelled_at: null }).execute();

    const net = networkFactory(db, town);
    const migrant = await net.organisation('Kulturverein Anadolu', { type: 'migrant_organisation' });
    const club = await net.organisation('Turnverein', { type: 'club' });
    const school = await net.organisation('Schule', { type: 'school' });
    await net.cooperation(migrant, club, '2025-01-15', '2025-06-30');
    await net.cooperation(club, school, '2024-05-01', null);
  });

  after(async () => {
    await t.close();
  });

  it('every module declares its facts, each with the columns of the contract', async () => {
    for (const id of [
      'events.attendances',
      'events.held',
      'qualification.completions',
      'qualification.reach',
      'participation.processes',
      'participation.contributions',
      'strategy.adopted',
      'strategy.measures',
      'surveys.responses',
      'network.cooperations_active',
      'network.cooperations_started',
      'network.migrant_organisations',
    ]) {
      assert.ok(sources.has(id), id);
    }
    for (const fact of sources.values()) {
      const rows = await db.selectFrom(fact.rows(db).as('f')).selectAll().limit(1).execute();
      for (const row of rows) {
        for (const column of ['day', 'municipality_id', 'district_id', 'person_key', 'value', ...Object.keys(fact.dimensions)]) assert.ok(column in row, `${fact.id} lacks ${column}`);
        assert.match(String(row.day), /^\d{4}-\d{2}-\d{2}$/, fact.id);
      }
    }
  });

  it('counts people once: an account by account, a guest by the address in any spelling, a walk-in once', async () => {
    const engine = engineRepository(db);
    const [persons] = await engine.aggregate(source('events.attendances'), { ...year, municipalityIds: [town] });
    assert.equal(persons?.value, 4, 'the account, Anna (two spellings), the walk-in, the online-only guest');
    const [registrations] = await engine.aggregate(source('events.registrations'), { ...year, municipalityIds: [town] });
    assert.equal(registrations?.value, 5, 'the one who did not come is registered, not attending');
    const byTown = await engine.aggregate(source('events.attendances'), year, { byTown: true });
    assert.deepEqual(
      byTown.map((r) => [r.municipality_id, r.value]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [town, 4],
        [foreignTown, 1],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const [everywhere] = await engine.aggregate(source('events.attendances'), year);
    assert.equal(everywhere?.value, 4 + 1 - 1, 'the account that took part in both towns is one person');
    const [held] = await engine.aggregate(source('events.held'), { ...year, municipalityIds: [town] });
    assert.equal(held?.value, 3);
  });

  it('counts a cooperation once per period by its dates, and the migrant organisations involved', async () => {
    const engine = engineRepository(db);
    const q = (code: string) => parsePeriod(code) as NonNullable<ReturnType<typeof parsePeriod>>;
    const active = async (code: string) => (await engine.aggregate(source('network.cooperations_active'), { ...q(code), municipalityIds: [town] }))[0]?.value;
    assert.equal(await active('2025'), 2);
    assert.equal(await active('2025-Q1'), 2);
    assert.equal(await active('2025-Q3'), 1, 'the cooperation ended in June');
    assert.equal(await active('2024-Q1'), 0);
    const migrant = await engine.aggregate(source('network.migrant_organisations'), { ...q('2025-Q2'), municipalityIds: [town] });
    assert.equal(migrant[0]?.value, 1);
    const started = await engine.aggregate(source('network.cooperations_started'), { ...year, municipalityIds: [town] }, { by: 'mixed' });
    assert.deepEqual(
      started.map((r) => [r.key, r.value]),
      [['yes', 1]],
    );
  });

  it('builds the AMIF table per town and across towns from the persons behind every source', async () => {
    const amif = amifRepository(db);
    const participants = pick(sources, PARTICIPANT_SOURCES);
    const { rows } = await amif.tables(participants, { ...year, municipalityIds: [town, foreignTown] });
    const bensheim = rows.find((r) => r.municipalityId === town)?.counts;
    assert.ok(bensheim);
    assert.equal(bensheim.total, 4);
    assert.equal(bensheim['sex.female'], 2, 'the account and Anna, who stated it at one of her two events');
    assert.equal(bensheim['sex.not_stated'], 2);
    assert.equal(bensheim['third_country.yes'], 1);
    assert.equal(bensheim['age_group.25_54'], 1);
    assert.equal(bensheim['history.returning'], 1, 'the account took part in 2024 already');
    assert.equal(bensheim['history.new'], 3);
    assert.equal(bensheim['channel.online'], 1, 'only the guest who never came in person');
    assert.equal(bensheim['channel.offline'], 3);
    const viernheim = rows.find((r) => r.municipalityId === foreignTown)?.counts;
    assert.equal(viernheim?.total, 1);
    assert.equal(viernheim?.['history.new'], 1, 'new in this town');
    const { all } = await amif.tables(participants, year);
    assert.equal(all?.counts.total, 4);
    assert.equal(all?.counts['history.returning'], 1);
  });
});
