import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';

export const SURVEY_ACTIONS = ['view', 'manage', 'answer'] as const;
export type SurveyAction = (typeof SURVEY_ACTIONS)[number];

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

/**
 * The object check of every workspace route: the town is the route's resolved `town` scope, and a
 * survey of another town (or none) is "not found" there, so ids of other towns reveal nothing.
 */
export function surveyOfTown<S extends { municipality_id: number }>(survey: S | undefined, town: { id: number }): S {
  if (!survey || survey.municipality_id !== town.id) throw AppError.notFound();
  return survey;
}

/** A question or answer id in the URL must belong to the survey of the URL, else it is not found. */
export function partOfSurvey<P extends { survey_id: number }>(part: P | undefined, survey: { id: number }): P {
  if (!part || part.survey_id !== survey.id) throw AppError.notFound();
  return part;
}
