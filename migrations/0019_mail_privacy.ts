import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * Mail bodies keep no live secret: a body with a token link is stored redacted, the full text
 * only until it is sent (secret_text_body, nulled by the delivery). Mails queued before this
 * migration are split the same way; sent ones lose their links for good.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const link = `'https?://\\S*(token=|[A-Za-z0-9_-]{32})\\S*'`;
  await runStatements(db, [
    `alter table mail_outbox add column secret_text_body text`,
    `update mail_outbox set secret_text_body = text_body where sent_at is null and text_body ~ ${link}`,
    `update mail_outbox set text_body = regexp_replace(text_body, ${link}, '[Link entfernt]', 'g') where text_body ~ ${link}`,
    `create index mail_outbox_sent_idx on mail_outbox (sent_at) where sent_at is not null`,
  ]);
}
