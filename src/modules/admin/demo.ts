import { hashPassword } from '../../platform/auth/passwords.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import type { GrantableRole } from './roles.ts';

/** Published in the README: demo accounts work only while DEMO_DATA is on (see auth/service.ts). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';
const DOMAIN = 'demo.vielfalt-verankern.de';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: GrantableRole | 'participant';
  municipalityAgs?: string;
}

const FIXED: DemoAccount[] = [
  { email: `programmbuero@${DOMAIN}`, displayName: 'Paula Programmbüro', role: 'programme_office' },
  { email: `foerdermittelgeber@${DOMAIN}`, displayName: 'Frank Förderreferat', role: 'funder' },
  { email: `trainerin@${DOMAIN}`, displayName: 'Tülay Trainerin', role: 'trainer' },
  { email: `teilnehmer@${DOMAIN}`, displayName: 'Tomasz Teilnehmer', role: 'participant' },
];

const COORDINATOR_NAMES = [
  'Aylin Demir',
  'Jonas Becker',
  'Mariam Haddad',
  'Lena Schäfer',
  'Dmytro Kovalenko',
  'Sophie Wagner',
  'Emre Yıldız',
  'Hannah Krüger',
  'Samuel Mensah',
  'Julia Hoffmann',
  'Reza Ahmadi',
  'Katharina Neumann',
  'Luca Rossi',
  'Miriam Weber',
  'Noah Fischer',
];

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function demoAccounts(participants: Array<{ ags: string; name: string }>): DemoAccount[] {
  return [
    ...FIXED,
    ...participants.map((m, i) => ({
      email: `koordination-${slug(m.name)}@${DOMAIN}`,
      displayName: COORDINATOR_NAMES[i % COORDINATOR_NAMES.length] as string,
      role: 'coordinator' as const,
      municipalityAgs: m.ags,
    })),
  ];
}

export async function seedDemoAccounts({ services, log }: DemoSeedContext): Promise<void> {
  const participants = await participatingMunicipalities(services.db);
  const accounts = demoAccounts(participants);
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  await services.db.transaction().execute(async (trx) => {
    const users = await trx
      .insertInto('users')
      .values(accounts.map((a) => ({ email: a.email, password_hash: hash, display_name: a.displayName, locale: 'de', email_verified_at: now, is_demo: true })))
      .returning(['id', 'email'])
      .execute();
    const idOf = new Map(users.map((u) => [u.email, u.id]));
    await trx
      .insertInto('consents')
      .values(users.map((u) => ({ user_id: u.id, purpose: 'privacy_notice', version: 'demo' })))
      .execute();
    const municipalityOf = new Map(participants.map((p) => [p.ags, p.id]));
    const roles = accounts.flatMap((a) =>
      a.role === 'participant'
        ? []
        : [{ user_id: idOf.get(a.email) as number, role: a.role, municipality_id: a.municipalityAgs ? (municipalityOf.get(a.municipalityAgs) ?? null) : null, granted_by: null }],
    );
    await trx.insertInto('role_assignments').values(roles).execute();
  });
  log(`demo accounts (password "${DEMO_PASSWORD}", only while DEMO_DATA is on):`);
  for (const account of accounts) log(`  ${account.email} – ${account.role}${account.municipalityAgs ? ` ${account.municipalityAgs}` : ''}`);
}
