import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createTranslator } from '../i18n/catalog.ts';
import { PageHeading } from '../views/components.tsx';
import { AppError } from './errors.ts';

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url === '/healthz') return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Turns any thrown error into one of the known codes; never shows a stack or an internal reason. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  const code = fastifyError.code ?? '';
  if (code.startsWith('FST_CSRF_')) return new AppError('forbidden', 403, 'errors.csrf.text');
  if (fastifyError.statusCode === 429) return new AppError('rate_limited', 429, 'errors.rate_limited.text');
  if (fastifyError.statusCode === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new AppError('payload_too_large', 413, 'errors.payload_too_large.text');
  }
  if (fastifyError.validation) return new AppError('bad_request', 400, 'errors.bad_request.text');
  if (fastifyError.statusCode === 404) return AppError.notFound();
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) return new AppError('bad_request', 400, 'errors.bad_request.text');
  return new AppError('internal' as never, 500, 'errors.internal.text');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  if (!request.t) request.t = createTranslator('de');
  const t = request.t;
  if (appError.status === 401 && !wantsJson(request) && request.method === 'GET') {
    return reply.redirect(`/anmelden?zurueck=${encodeURIComponent(request.url)}`);
  }
  if (request.url.startsWith('/api/v1')) {
    // The read API answers errors as RFC 9457 problem details.
    return reply
      .status(appError.status)
      .type('application/problem+json; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .send({ type: 'about:blank', title: t(`errors.status.${appError.status}`), status: appError.status, detail: t(appError.messageKey, appError.params), code: appError.code });
  }
  if (wantsJson(request)) {
    return reply.status(appError.status).send({ error: appError.code, message: t(appError.messageKey, appError.params) });
  }
  const titleKey = `errors.status.${appError.status}`;
  return reply.render(
    <div class="vv-error-page">
      <PageHeading title={t(titleKey)} />
      <p class="kern-body">{t(appError.messageKey, appError.params)}</p>
      <p class="kern-body">
        <a class="kern-link" href="/">
          {t('errors.back_home')}
        </a>
      </p>
    </div>,
    { title: t(titleKey), status: appError.status },
  );
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, AppError.notFound()));
}
