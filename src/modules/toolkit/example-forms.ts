import type { FieldErrors } from '../../platform/http/errors.ts';
import { formList } from '../../platform/http/forms.ts';
import type { ExampleInput } from './forms.ts';

/** What an example names: method cards, the town's measures, the town's events (ids as ticked). */
export interface ExampleLinks {
  methods: number[];
  measures: number[];
  events: number[];
}

/** The form's checkbox fields for them (several values each, so not in the body schema). */
export const EXAMPLE_LIST_FIELDS = ['methodIds', 'measureIds', 'eventIds'] as const;

/** The ticked ids: digits only, each once, at most 50 per list; anything else is a message at its field. */
export function readExampleLinks(body: unknown): { links: ExampleLinks; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const read = (name: (typeof EXAMPLE_LIST_FIELDS)[number]) => {
    const raw = [...new Set(formList(body, name))];
    if (raw.length > 50 || !raw.every((v) => /^\d{1,9}$/.test(v))) {
      errors[name] = { key: 'validation.choice' };
      return [];
    }
    return raw.map(Number);
  };
  return { links: { methods: read('methodIds'), measures: read('measureIds'), events: read('eventIds') }, errors };
}

export interface ExampleRecord {
  title: string;
  problem: string;
  approach: string;
  result: string;
  lessons: string;
}

export function exampleToForm(e: ExampleRecord): Record<string, string> {
  return { title: e.title, problem: e.problem, approach: e.approach, result: e.result, lessons: e.lessons };
}

export function exampleValues(input: ExampleInput) {
  return { title: input.title, problem: input.problem, approach: input.approach, result: input.result, lessons: input.lessons ?? '' };
}
