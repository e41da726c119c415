import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Database } from '../../platform/db/schema.ts';
import { FormInteger, FormText } from '../../platform/http/forms.ts';
import { Id } from '../../platform/http/schemas.ts';
import { districtOptions } from '../municipalities/index.ts';
import { fieldsOfTown } from '../strategy/index.ts';
import { mayReadWithheld } from './policy.ts';

export const PAGE_SIZE = 20;
export const ProposalParams = Type.Object({ id: Id, pid: Id });
export const CommentParams = Type.Object({ id: Id, pid: Id, cid: Id });
export const ImageParams = Type.Object({ id: Id, pid: Id, iid: Id });

const OptionalId = () => Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 }));
export const ProposalForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  body: FormText({ min: 10, max: 10000 }),
  fieldId: OptionalId(),
  districtId: OptionalId(),
});
export const OfflineForm = Type.Object({ ...ProposalForm.properties, source: FormText({ min: 3, max: 200 }) });
export const CommentForm = Type.Object({ body: FormText({ min: 1, max: 5000 }), parentId: OptionalId() });
/** The location fields of a proposal form (read by location.ts), besides the form's schema. */
export const LOCATION_FIELDS = ['place', 'latitude', 'longitude', 'keepPoint', 'karte.x', 'karte.y'];

/** Fields of action and districts of the town, for a proposal's choice lists. */
export async function proposalChoices(db: Kysely<Database>, municipalityId: number) {
  const [fields, districts] = await Promise.all([fieldsOfTown(db, municipalityId), districtOptions(db, municipalityId)]);
  return { fields, districts };
}

/** The title of a proposal as this person may read it: withheld titles are replaced outside moderation. */
export function shownTitle(t: (key: string) => string, actor: Actor, proposal: { title: string; municipality_id: number; hidden_at: Date | null; held: boolean }): string {
  if (mayReadWithheld(actor, proposal)) return proposal.title;
  return t(proposal.held ? 'participation.moderation.held_title' : 'participation.moderation.hidden_title');
}
