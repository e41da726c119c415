import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { scoreQueuedCandidates } from './candidates-job.ts';
import { districtOptions, participatingMunicipalities } from '../municipalities/index.ts';
import { COOPERATION_TYPES, MEMBERSHIP_ROLES, type OrganisationType } from './tables.ts';

/** A small deterministic generator (mulberry32): the demo is the same on every installation. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIGRANT = [
  'Türkisch-Deutscher Kulturverein',
  'Afrikanischer Elternverein',
  'Ukrainische Gemeinschaft',
  'Syrisch-Deutscher Freundeskreis',
  'Italienischer Kulturkreis',
  'Eritreischer Verein',
  'Polnischer Familienverein',
  'Kurdisches Kulturzentrum',
  'Afghanischer Frauenverein',
  'Griechische Gemeinde',
  'Marokkanischer Kulturverein',
  'Bosnisch-Herzegowinischer Verein',
  'Vietnamesischer Freundeskreis',
  'Russischsprachige Elterninitiative',
];
const ESTABLISHED: Array<[OrganisationType, string]> = [
  ['administration', 'Amt für Soziales und Integration'],
  ['administration', 'Ausländerbeirat'],
  ['administration', 'Stadtbücherei'],
  ['club', 'Turnverein 1886'],
  ['club', 'Fußballverein Grün-Weiß'],
  ['club', 'Musikverein Harmonie'],
  ['club', 'Schachclub'],
  ['club', 'Verein für Nachbarschaftshilfe'],
  ['company', 'Stadtwerke'],
  ['company', 'Bäckerei Huber'],
  ['company', 'Autohaus am Ring'],
  ['education_provider', 'Volkshochschule'],
  ['education_provider', 'Sprachschule Brücke'],
  ['school', 'Grundschule am Park'],
  ['school', 'Gesamtschule'],
  ['school', 'Berufliche Schule'],
  ['religious_community', 'Evangelische Kirchengemeinde'],
  ['religious_community', 'Katholische Pfarrei St. Georg'],
  ['religious_community', 'Moscheegemeinde'],
  ['political_group', 'Jugendparlament'],
  ['welfare_organisation', 'Caritasverband'],
  ['welfare_organisation', 'Diakonisches Werk'],
  ['welfare_organisation', 'AWO Ortsverein'],
  ['welfare_organisation', 'Deutsches Rotes Kreuz'],
  ['initiative', 'Willkommensinitiative'],
  ['initiative', 'Repair-Café'],
  ['initiative', 'Interkultureller Garten'],
  ['initiative', 'Lesepaten'],
  ['other', 'Stiftung Bürgersinn'],
  ['other', 'Quartiersmanagement'],
  ['administration', 'Jobcenter'],
  ['administration', 'Jugendamt'],
  ['administration', 'Seniorenbeirat'],
  ['club', 'Tennisclub Rot-Weiß'],
  ['club', 'Gesangverein Frohsinn'],
  ['club', 'Freiwillige Feuerwehr'],
  ['club', 'Heimat- und Geschichtsverein'],
  ['club', 'Kanuclub'],
  ['company', 'Sparkasse'],
  ['company', 'Pflegedienst Lebenswert'],
  ['company', 'Druckerei Schneider'],
  ['company', 'Wohnungsbaugesellschaft'],
  ['education_provider', 'Familienbildungsstätte'],
  ['education_provider', 'Musikschule'],
  ['school', 'Realschule am Wald'],
  ['school', 'Gymnasium'],
  ['religious_community', 'Freie evangelische Gemeinde'],
  ['religious_community', 'Jüdische Gemeinde'],
  ['political_group', 'Seniorenbündnis'],
  ['welfare_organisation', 'Lebenshilfe'],
  ['welfare_organisation', 'Tafel'],
  ['initiative', 'Frauennetzwerk'],
  ['initiative', 'Fahrradwerkstatt'],
  ['other', 'Bürgerstiftung'],
];
/** How a second person at another desk types an organisation that is already there. */
const NEAR_DUPLICATE_SPELLINGS: Array<(name: string) => string> = [(name) => `${name} e. V.`, (name) => name.replace(/ /g, '-'), (name) => name.replace(/ß/g, 'ss').replace(/ü/g, 'ue')];
const FIELDS = ['Bildung', 'Sprache', 'Arbeit', 'Sport', 'Kultur', 'Beteiligung', 'Nachbarschaft', 'Gesundheit', 'Jugend'];
const LANGUAGES = ['Deutsch', 'Türkisch', 'Arabisch', 'Englisch', 'Ukrainisch', 'Russisch', 'Farsi', 'Italienisch', 'Polnisch', 'Tigrinya'];
const FIRST = ['Aylin', 'Jonas', 'Mariam', 'Peter', 'Olena', 'Hassan', 'Sabine', 'Dimitri', 'Fatma', 'Lukas', 'Amina', 'Thomas', 'Nadia', 'Giulia', 'Yusuf'];
const LAST = ['Yılmaz', 'Becker', 'Haddad', 'Schmidt', 'Kovalenko', 'Rahimi', 'Wagner', 'Papadopoulos', 'Demir', 'Weber', 'Okafor', 'Rossi', 'Nowak'];

/** Days between the first and the last day the demo's links start: July 2019 to June 2022. */
const FIRST_DAY = Date.UTC(2019, 6, 1);
const SPAN_DAYS = Math.round((Date.UTC(2022, 5, 30) - FIRST_DAY) / 86_400_000);
const day = (offset: number) => new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Each participating town: 20–60 organisations (a fifth of them migrant organisations), contacts
 * with consent, memberships and cooperations, and two near-duplicates (the same organisation
 * entered again with another spelling and the same website or e-mail) for the coordinators to merge.
 */
export async function seedNetworkDemo({ services, log }: DemoSeedContext): Promise<void> {
  const participants = await participatingMunicipalities(services.db);
  let organisationTotal = 0;
  let cooperationTotal = 0;
  await services.db.transaction().execute(async (trx) => {
    for (const municipality of participants) {
      const next = random(Number(municipality.ags) + 7);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const districts = await districtOptions(trx, municipality.id);
      const count = 20 + Math.floor(next() * 41);
      const migrantCount = Math.round(count / 5);
      const established = [...ESTABLISHED].sort(() => next() - 0.5).slice(0, count - migrantCount);
      const migrant = [...MIGRANT].sort(() => next() - 0.5).slice(0, migrantCount);
      const chosen: Array<[OrganisationType, string]> = [...established, ...migrant.map((name): [OrganisationType, string] => ['migrant_organisation', name])];
      const rows: Array<NewRow<'network_organisations'>> = chosen.map(([type, base]) => {
        const name = `${base} ${municipality.name}`;
        return {
          municipality_id: municipality.id,
          name,
          type,
          fields_of_action: [...new Set([pick(FIELDS), pick(FIELDS)])],
          district_id: districts.length && next() < 0.6 ? pick(districts).id : null,
          address: `${pick(['Hauptstraße', 'Schulstraße', 'Bahnhofstraße', 'Am Markt', 'Lindenweg'])} ${1 + Math.floor(next() * 80)}`,
          website: next() < 0.6 ? `https://${slug(base)}.example.org` : '',
          email: next() < 0.7 ? `kontakt@${slug(base)}.example.org` : '',
          languages: type === 'migrant_organisation' ? ['Deutsch', pick(LANGUAGES.slice(1))] : next() < 0.3 ? ['Deutsch', pick(LANGUAGES.slice(1))] : ['Deutsch'],
          description: `${name}: ${pick(['Treffpunkt und Beratung', 'Angebote für Kinder und Familien', 'Kurse und Begegnung', 'Engagement im Stadtteil', 'Unterstützung für Neuzugewanderte'])}.`,
          is_public: next() < 0.8,
        };
      });
      const organisations = await trx.insertInto('network_organisations').values(rows).returning(['id', 'type']).execute();
      organisationTotal += organisations.length;
      const twins = nearDuplicates(rows, next);
      if (twins.length) await trx.insertInto('network_organisations').values(twins).execute();
      organisationTotal += twins.length;

      const people: Array<NewRow<'network_people'>> = organisations.slice(0, Math.ceil(organisations.length * 0.6)).map(() => ({
        municipality_id: municipality.id,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        user_id: null,
        consent_purpose: 'Kontakt im lokalen Netzwerk Vielfalt',
        consent_version: '2019-1',
        consent_given_at: `${day(Math.floor(next() * 120))}T10:00:00Z`,
      }));
      const persons = await trx.insertInto('network_people').values(people).returning('id').execute();
      // The first contact entered once more, surname first, as a list from another office has it.
      const [firstContact] = people;
      if (firstContact) {
        const [given, ...family] = firstContact.name.split(' ');
        await trx
          .insertInto('network_people')
          .values({ ...firstContact, name: `${family.join(' ')}, ${given}` })
          .execute();
      }
      const memberships: Array<NewRow<'network_memberships'>> = persons.flatMap((person, i) => {
        const orgs = [organisations[i], next() < 0.3 ? pick(organisations) : undefined].filter((o, k, all): o is (typeof organisations)[number] => o !== undefined && all.indexOf(o) === k);
        return orgs.map((o) => {
          const start = Math.floor(next() * SPAN_DAYS);
          return {
            municipality_id: municipality.id,
            person_id: person.id,
            organisation_id: o.id,
            role: pick(MEMBERSHIP_ROLES),
            starts_on: day(start),
            ends_on: next() < 0.2 ? day(Math.min(SPAN_DAYS, start + 180 + Math.floor(next() * 400))) : null,
          };
        });
      });
      if (memberships.length) await trx.insertInto('network_memberships').values(memberships).execute();

      const cooperations: Array<NewRow<'network_cooperations'>> = [];
      const links = Math.round(organisations.length * (1 + next()));
      for (let i = 0; i < links; i++) {
        const a = pick(organisations);
        // A third of the cooperations involve a migrant organisation, more of them in later years.
        const b = next() < 0.33 ? pick(organisations.filter((o) => o.type === 'migrant_organisation')) : pick(organisations);
        if (!b || a.id === b.id) continue;
        const start = Math.floor(next() * SPAN_DAYS);
        cooperations.push({
          municipality_id: municipality.id,
          organisation_id: a.id,
          partner_id: b.id,
          type: pick(COOPERATION_TYPES),
          starts_on: day(start),
          ends_on: next() < 0.4 ? day(Math.min(SPAN_DAYS, start + 60 + Math.floor(next() * 500))) : null,
          description: pick(['Gemeinsames Sommerfest', 'Sprachcafé', 'Hausaufgabenhilfe', 'Ausbildungspatenschaften', 'Beratung im Tandem', 'Gemeinsame Arbeitsgruppe Integration']),
          outputs: next() < 0.5 ? pick(['Flyer in fünf Sprachen', 'Zwölf Treffen im Jahr', 'Drei neue Ehrenamtliche', 'Kooperationsvereinbarung unterzeichnet']) : '',
        });
      }
      if (cooperations.length) await trx.insertInto('network_cooperations').values(cooperations).execute();
      cooperationTotal += cooperations.length;
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.network_seeded', entityType: 'programme', after: { organisations: organisationTotal, cooperations: cooperationTotal } });
  });
  // The towns' organisations were inserted a town at a time, so they wait in the queue for the duplicate comparison: compare them now.
  await scoreQueuedCandidates(services.db, Number.POSITIVE_INFINITY);
  log(`demo: ${organisationTotal} network organisations, ${cooperationTotal} cooperations in ${participants.length} municipalities`);
}

/** Two of the town's organisations entered a second time: another spelling, the same website or e-mail, internal, without links. */
function nearDuplicates(rows: Array<NewRow<'network_organisations'>>, next: () => number): Array<NewRow<'network_organisations'>> {
  const withKey = rows.filter((row) => row.website || row.email);
  const first = Math.floor(next() * withKey.length);
  const chosen = [withKey[first], withKey[(first + 1 + Math.floor(next() * (withKey.length - 1))) % withKey.length]].filter((row, i, all) => row !== undefined && all.indexOf(row) === i);
  return chosen.map((row, i) => {
    const original = row as NewRow<'network_organisations'>;
    const spell = NEAR_DUPLICATE_SPELLINGS[i % NEAR_DUPLICATE_SPELLINGS.length] as (name: string) => string;
    return {
      ...original,
      name: spell(original.name),
      // One twin keeps the website, the other only the e-mail: both are found, by different keys.
      website: i === 0 ? original.website : '',
      email: i === 0 ? '' : original.email,
      description: '',
      is_public: false,
    };
  });
}
