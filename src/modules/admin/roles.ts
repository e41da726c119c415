import { Type } from '@sinclair/typebox';

/** Roles the programme office grants; a participant is someone with none of them. */
export const GRANTABLE_ROLES = ['trainer', 'coordinator', 'programme_office', 'funder'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const GrantableRoleSchema = Type.Union(GRANTABLE_ROLES.map((role) => Type.Literal(role)));
export const RoleChoiceSchema = Type.Union([Type.Literal('participant'), ...GRANTABLE_ROLES.map((role) => Type.Literal(role))]);

export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}
