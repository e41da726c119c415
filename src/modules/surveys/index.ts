/** Public face of the survey engine. */
export { surveysModule } from './module.tsx';
export { surveyService } from './service.ts';
