import type { FastifyRequest } from 'fastify';
import { stdSerializers } from 'pino';
import { mappedStack } from './stack-source-map.ts';

/**
 * A query string may carry a secret (a reset or invitation link, the CSRF token of an upload form):
 * logs keep the path only, so whoever reads them cannot use a link from them.
 */
export function pathWithoutQuery(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? url : `${url.slice(0, start)}?[redacted]`;
}

/** Fastify's request serializer with the query string left out, and its error serializer with the stack in source lines. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: pathWithoutQuery(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
  },
  err(error: Error) {
    const serialized = stdSerializers.err(error);
    if (typeof serialized.stack === 'string') serialized.stack = mappedStack(serialized.stack);
    return serialized;
  },
};

/** Adds the serializers to whatever logger the caller chose (none, the default, or pino options with a stream). */
export function loggerOptions(logger: boolean | object | undefined): boolean | object {
  if (!logger) return false;
  if (logger === true) return { serializers: logSerializers };
  const given = logger as { serializers?: Record<string, unknown> };
  return { ...logger, serializers: { ...given.serializers, ...logSerializers } };
}
