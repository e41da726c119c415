import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';

export type SurveyAction = 'view' | 'manage' | 'answer';

/** Published surveys and their results are public; answering needs a verified account; the town's coordinators manage. */
export function can(actor: Actor, action: SurveyAction, survey: { municipalityId: number; published: boolean }): boolean {
  switch (action) {
    case 'view':
      return survey.published || coordinatesMunicipality(actor, survey.municipalityId);
    case 'manage':
      return coordinatesMunicipality(actor, survey.municipalityId);
    case 'answer':
      return survey.published && actor.kind === 'user' && actor.emailVerified;
  }
}
