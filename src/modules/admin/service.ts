import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { participationService } from '../municipalities/index.ts';
import { type AdminAction, can } from './policy.ts';
import { adminRepository } from './repository.ts';
import type { GrantableRole } from './roles.ts';

export interface InviteInput {
  email: string;
  displayName: string;
  role: GrantableRole | 'participant';
  municipalityId?: number | undefined;
  locale: Locale;
}

/**
 * Users, roles and participation: the programme office's work, each change audited in its
 * transaction. The routes let only the office in; every function checks the policy again, and an
 * id that does not name the object (a role of another person, an account that is gone) is a 404.
 */
export function adminService(services: Pick<AppServices, 'db' | 'auth'>) {
  const { db, auth } = services;
  const participation = participationService(db);

  function authorize(actor: Actor, action: AdminAction): void {
    if (!can(actor, action)) throw AppError.forbidden();
  }

  /** A coordinator needs a municipality that is in the register; other roles ignore the field. */
  async function checkScope(role: GrantableRole | 'participant', municipalityId: number | null | undefined): Promise<void> {
    if (role !== 'coordinator') return;
    if (!municipalityId) throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_required' } });
    if (!(await participation.exists(municipalityId))) throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_unknown' } });
  }

  async function grant(actor: Actor, userId: number, role: GrantableRole, municipalityId: number | null): Promise<void> {
    await checkScope(role, municipalityId);
    await db.transaction().execute(async (trx) => {
      const repo = adminRepository(trx);
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
      await checkScope(input.role, input.municipalityId);
      const userId = await auth.invite(actor, { email: input.email, displayName: input.displayName, locale: input.locale });
      if (input.role !== 'participant') await grant(actor, userId, input.role, input.municipalityId ?? null);
      return userId;
    },

    /** The account must exist and not be deleted. */
    async grantRole(actor: Actor, userId: number, role: GrantableRole, municipalityId: number | null): Promise<void> {
      authorize(actor, 'manage_users');
      const user = await adminRepository(db).user(userId);
      if (!user || user.deleted_at) throw AppError.notFound();
      await grant(actor, userId, role, municipalityId);
    },

    /** The role must be one of this person's; another person's role id is a 404 and nothing changes. */
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
      await participation.mark(actor, municipalityId, joinedOn, cohortLabel);
    },

    /** A town that does not take part is a 404. */
    async endParticipation(actor: Actor, municipalityId: number): Promise<void> {
      authorize(actor, 'manage_participation');
      await participation.end(actor, municipalityId);
    },
  };
}
