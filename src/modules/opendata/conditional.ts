import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf } from './service.ts';

/** Whether If-None-Match names this ETag (or any, with *); weak tags compare by their value. */
function matches(header: string, tag: string): boolean {
  return header.split(',').some((v) => {
    const value = v.trim().replace(/^W\//, '');
    return value === '*' || value === tag;
  });
}

/**
 * onSend: every successful GET gets a strong ETag of its body, and a client that already holds that
 * body gets 304 without it.
 */
export async function etagOnSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
  // Encoded once: the digest and the socket take the same bytes, and the length is the buffer's.
  const body = Buffer.from(payload);
  const tag = etagOf(body);
  reply.header('etag', tag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && matches(ifNoneMatch, tag)) {
    reply.code(304);
    reply.removeHeader('content-type');
    return '';
  }
  return body;
}

/**
 * Sets Last-Modified and answers 304 at once when the client's copy is as new (If-Modified-Since,
 * only without If-None-Match, as RFC 9110 says). Returns true when the answer is sent.
 */
export function notModifiedSince(request: FastifyRequest, reply: FastifyReply, lastModified: Date | null): boolean {
  if (!lastModified) return false;
  reply.header('last-modified', lastModified.toUTCString());
  const since = request.headers['if-modified-since'];
  if (request.headers['if-none-match'] || !since) return false;
  const sinceTime = Date.parse(since);
  if (Number.isNaN(sinceTime) || lastModified.getTime() > sinceTime) return false;
  reply.code(304).send();
  return true;
}
