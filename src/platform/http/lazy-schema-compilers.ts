import ajvCompiler from '@fastify/ajv-compiler';
import serializerCompiler from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own compilers (Ajv for requests, fast-json-stringify for responses), each route's
 * schema compiled on the route's first request instead of at start: compiling the ~900 route
 * schemas up front was a fifth of a restart, and most routes of an instance are never called
 * between two restarts. The compiled code and its answers are the same; only the moment differs.
 * A schema that cannot compile still fails every request of its route (the route-contract and
 * authorization-matrix tests call every route), not silently.
 */
export function lazySchemaCompilers() {
  // Fastify calls the compiler a factory returns with a route's definition, not with a bare schema as the types say.
  const buildAjv = ajvCompiler() as unknown as (...args: unknown[]) => (route: unknown) => Validator;
  const buildStringify = serializerCompiler();
  return {
    buildValidator(...args: unknown[]) {
      const compile = buildAjv(...args);
      return (route: unknown) => lazyValidator(() => compile(route));
    },
    buildSerializer(...args: Parameters<typeof buildStringify>) {
      const compile = buildStringify(...args);
      return (route: Parameters<ReturnType<typeof buildStringify>>[0]) => {
        let stringify: ((data: unknown) => string) | undefined;
        return (data: unknown) => {
          stringify ??= compile(route);
          return stringify(data);
        };
      };
    },
  };
}

interface Validator {
  (data: unknown): boolean;
  errors?: unknown;
}

/** Fastify reads a failed validation's errors from the function's `errors`, as Ajv leaves them. */
function lazyValidator(compile: () => Validator): Validator {
  let real: Validator | undefined;
  const validate: Validator = (data) => {
    real ??= compile();
    const valid = real(data);
    validate.errors = real.errors;
    return valid;
  };
  validate.errors = null;
  return validate;
}
