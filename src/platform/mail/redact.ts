/**
 * A link that carries a secret: a `token=` parameter, or a path or query with a run of 32 or more
 * URL-safe characters (every token the app mints is 43 of them). Certificate codes (12 letters in
 * groups) and record ids stay readable, so a redacted mail still says what it was about.
 * Kept in step with the migration that redacted the mails stored before this rule.
 */
export const TOKEN_LINK = /https?:\/\/\S*(?:token=|[A-Za-z0-9_-]{32})\S*/g;

/** The text shown in place of a link with a secret. */
export const REDACTED_LINK = '[Link entfernt]';

export function redactTokenLinks(text: string): string {
  return text.replace(TOKEN_LINK, REDACTED_LINK);
}
