import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { type AuditAction, writeAudit } from '../../platform/audit/audit.ts';
import { REPORT_REASONS, type ReportReason } from './tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AppServices } from '../../platform/module.ts';
import { type ContentType, moderationRepository } from './moderation-repository.ts';
import { can } from './policy.ts';

export { REPORT_REASONS };

/** Whether a text contains a word of the town's list (whole words, any case): such a text waits for a moderator. */
export function containsListedWord(words: readonly string[], text: string): boolean {
  const lower = text.toLocaleLowerCase('de');
  return words.some((word) => {
    const w = word.toLocaleLowerCase('de');
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower);
  });
}

/** Reports, the queue's decisions, blocks and the word list; every decision is in the audit log. */
export function moderationService(services: Pick<AppServices, 'db'>) {
  const { db } = services;

  async function decide(
    actor: Actor,
    municipalityId: number,
    type: ContentType,
    id: number,
    action: AuditAction,
    change: (repo: ReturnType<typeof moderationRepository>) => Promise<unknown>,
    after?: unknown,
  ) {
    if (!can(actor, 'manage', { municipalityId })) throw AppError.forbidden();
    await db.transaction().execute(async (trx) => {
      const repo = moderationRepository(trx);
      const content = await repo.contentMunicipality(type, id);
      if (!content || content.municipality_id !== municipalityId) throw AppError.notFound();
      await change(repo);
      await writeAudit(trx, actor, { action, entityType: type, entityId: id, municipalityId, before: { hiddenAt: content.hidden_at, held: content.held }, after });
    });
  }

  return {
    async report(actor: Actor, type: ContentType, id: number, reason: ReportReason, note: string): Promise<void> {
      const userId = actorUserId(actor);
      if (userId === null) throw AppError.unauthorized();
      const repo = moderationRepository(db);
      const content = await repo.contentMunicipality(type, id);
      if (!content) throw AppError.notFound();
      await repo.insertReport({ municipality_id: content.municipality_id, content_type: type, content_id: id, reporter_user_id: userId, reason, note });
    },
    hide: (actor: Actor, municipalityId: number, type: ContentType, id: number, reason: ReportReason) =>
      decide(
        actor,
        municipalityId,
        type,
        id,
        'moderation.hidden',
        async (repo) => {
          await repo.setHidden(type, id, { at: new Date(), reason });
          await repo.resolveReports(type, id);
        },
        { reason },
      ),
    release: (actor: Actor, municipalityId: number, type: ContentType, id: number) =>
      decide(actor, municipalityId, type, id, 'moderation.released', async (repo) => {
        await repo.setHidden(type, id, { at: null, reason: '' });
        await repo.resolveReports(type, id);
      }),
    dismiss: (actor: Actor, municipalityId: number, type: ContentType, id: number) => decide(actor, municipalityId, type, id, 'moderation.reports_dismissed', (repo) => repo.resolveReports(type, id)),

    /**
     * Blocks a person who took part in the town (proposal, comment or support); any other id is not
     * there (404), so that the queue's list of blocked people cannot be used to read every account's name.
     */
    async block(actor: Actor, municipalityId: number, userId: number, reason: string): Promise<void> {
      if (!can(actor, 'manage', { municipalityId })) throw AppError.forbidden();
      if (!(await moderationRepository(db).contributedIn(municipalityId, userId))) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        await moderationRepository(trx).block(municipalityId, userId, reason);
        await writeAudit(trx, actor, { action: 'moderation.user_blocked', entityType: 'user', entityId: userId, municipalityId, after: { reason } });
      });
    },
    /** Lifts a block; a person neither blocked nor taking part in the town is not there (404). */
    async unblock(actor: Actor, municipalityId: number, userId: number): Promise<void> {
      if (!can(actor, 'manage', { municipalityId })) throw AppError.forbidden();
      const repo = moderationRepository(db);
      if (!(await repo.isBlocked(municipalityId, userId)) && !(await repo.contributedIn(municipalityId, userId))) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        await moderationRepository(trx).unblock(municipalityId, userId);
        await writeAudit(trx, actor, { action: 'moderation.user_unblocked', entityType: 'user', entityId: userId, municipalityId });
      });
    },
    async setWords(actor: Actor, municipalityId: number, words: string[]): Promise<void> {
      if (!can(actor, 'manage', { municipalityId })) throw AppError.forbidden();
      await db.transaction().execute(async (trx) => {
        const repo = moderationRepository(trx);
        const before = await repo.words(municipalityId);
        await repo.replaceWords(municipalityId, words);
        await writeAudit(trx, actor, { action: 'moderation.words_changed', entityType: 'municipality', entityId: municipalityId, municipalityId, before, after: words });
      });
    },
  };
}
