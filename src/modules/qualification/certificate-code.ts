import { Type } from '@sinclair/typebox';

const CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

export const CertificateCodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

/** A code as typed from paper (any case, with or without dashes) in its printed form, and whether it can be one at all. */
export function certificateCode(raw: string): { normalised: string; valid: boolean } {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const normalised = compact.length === 12 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : raw.trim().toUpperCase();
  return { normalised, valid: CODE.test(normalised) };
}
