import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { can } from './policy.ts';
import { adminRepository, type GrantableRole } from './repository.ts';

export const GRANTABLE_ROLES: readonly GrantableRole[] = ['trainer', 'coordinator', 'programme_office', 'funder'];

export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}

export interface InviteInput {
  email: string;
  displayName: string;
  role: GrantableRole | 'participant';
  municipalityId?: number;
  locale: Locale;
}

/** Users, roles and participation: the programme office's work, each change audited in its transaction. */
export function adminService(services: Pick<AppServices, 'db' | 'auth'>) {
  const { db, auth } = services;

  function authorize(actor: Actor, action: Parameters<typeof can>[1]): void {
    if (!can(actor, action)) throw AppError.forbidden();
  }

  /** A coordinator needs a municipality that is in the register; other roles ignore the field. */
  async function checkScope(repo: ReturnType<typeof adminRepository>, role: GrantableRole | 'participant', municipalityId: number | null | undefined): Promise<void> {
    if (role !== 'coordinator') return;
    if (!municipalityId) throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_required' } });
    if (!(await repo.municipalityExists(municipalityId))) throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_unknown' } });
  }

  async function grant(actor: Actor, userId: number, role: GrantableRole, municipalityId: number | null): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const repo = adminRepository(trx);
      await checkScope(repo, role, municipalityId);
      const scope = role === 'coordinator' ? municipalityId : null;
      if (await repo.hasRole(userId, role, scope)) throw new ValidationError({ role: { key: 'admin.users.role_exists' } });
      const { id } = await repo.insertRole({ user_id: userId, role, municipality_id: scope, granted_by: actor.kind === 'user' ? actor.userId : null }).catch((error: { code?: string }) => {
        // Two grants of the same role at once: the unique index decides, the loser hears why.
        if (error.code === '23505') throw new ValidationError({ role: { key: 'admin.users.role_exists' } });
        // The municipality vanished between the check and the insert.
        if (error.code === '23503') throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_unknown' } });
        throw error;
      });
      await writeAudit(trx, actor, { action: 'role.granted', entityType: 'user', entityId: userId, municipalityId: scope, after: { roleAssignmentId: id, role, municipalityId: scope } });
    });
  }

  return {
    async invite(actor: Actor, input: InviteInput): Promise<number> {
      authorize(actor, 'manage_users');
      // Checked before the invitation goes out: auth.invite commits on its own, and a grant that
      // failed afterwards would leave an invited person without the role they were invited for.
      await checkScope(adminRepository(db), input.role, input.municipalityId);
      const userId = await auth.invite(actor, { email: input.email, displayName: input.displayName, locale: input.locale });
      if (input.role !== 'participant') await grant(actor, userId, input.role, input.municipalityId ?? null);
      return userId;
    },

    async grantRole(actor: Actor, userId: number, role: GrantableRole, municipalityId: number | null): Promise<void> {
      authorize(actor, 'manage_users');
      const user = await adminRepository(db).user(userId);
      if (!user || user.deleted_at) throw AppError.notFound();
      await grant(actor, userId, role, municipalityId);
    },

    async revokeRole(actor: Actor, userId: number, roleAssignmentId: number): Promise<void> {
      authorize(actor, 'manage_users');
      await db.transaction().execute(async (trx) => {
        const repo = adminRepository(trx);
        const role = await repo.role(userId, roleAssignmentId);
        if (!role) throw AppError.notFound();
        // The office must not lock itself out: nobody removes their own office role.
        if (role.role === 'programme_office' && actor.kind === 'user' && actor.userId === userId) throw AppError.conflict('admin.users.cannot_revoke_self');
        await repo.deleteRole(roleAssignmentId);
        await writeAudit(trx, actor, {
          action: 'role.revoked',
          entityType: 'user',
          entityId: userId,
          municipalityId: role.municipality_id,
          before: { role: role.role, municipalityId: role.municipality_id },
        });
      });
    },

    async markParticipation(actor: Actor, municipalityId: number, joinedOn: string, cohortLabel: string): Promise<void> {
      authorize(actor, 'manage_participation');
      await db.transaction().execute(async (trx) => {
        const repo = adminRepository(trx);
        if (!(await repo.municipalityExists(municipalityId))) throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_unknown' } });
        const before = await repo.participation(municipalityId);
        await repo.upsertParticipation({ municipality_id: municipalityId, joined_on: joinedOn, cohort_label: cohortLabel });
        await writeAudit(trx, actor, {
          action: before ? 'participation.updated' : 'participation.started',
          entityType: 'municipality',
          entityId: municipalityId,
          municipalityId,
          before: before ? { joinedOn: before.joined_on, cohort: before.cohort_label } : undefined,
          after: { joinedOn, cohort: cohortLabel },
        });
      });
    },

    async endParticipation(actor: Actor, municipalityId: number): Promise<void> {
      authorize(actor, 'manage_participation');
      await db.transaction().execute(async (trx) => {
        const repo = adminRepository(trx);
        const before = await repo.participation(municipalityId);
        if (!before) throw AppError.notFound();
        await repo.deleteParticipation(municipalityId);
        await writeAudit(trx, actor, {
          action: 'participation.ended',
          entityType: 'municipality',
          entityId: municipalityId,
          municipalityId,
          before: { joinedOn: before.joined_on, cohort: before.cohort_label },
        });
      });
    },
  };
}
