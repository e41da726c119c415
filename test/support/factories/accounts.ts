import { Secret, TOTP } from 'otpauth';
import type { LightMyRequestResponse } from 'fastify';

/** The code an authenticator app shows for this secret, `stepsAhead` 30-second steps from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** The secret the set-up page shows as text. */
export function shownSecret(page: LightMyRequestResponse): string {
  const secret = /data-totp-secret[^>]*>([A-Z2-7]+)</.exec(page.body)?.[1];
  if (!secret) throw new Error('no TOTP secret on the page');
  return secret;
}

/** The recovery codes the page shows once. */
export function shownRecoveryCodes(page: LightMyRequestResponse): string[] {
  const list = /data-recovery-codes[^>]*>([\s\S]*?)<\/ul>/.exec(page.body)?.[1] ?? '';
  return [...list.matchAll(/<code>([a-z0-9-]+)<\/code>/g)].map((m) => m[1] as string);
}

/** The token a reset or invitation page puts into its form. */
export function formToken(page: LightMyRequestResponse): string {
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error('no token field on the page');
  return token;
}
