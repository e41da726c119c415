import { signedInActor } from '../../platform/http/access.ts';
import { checkInReturnQuery } from './check-in-return.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { managedTown } from '../municipalities/index.ts';
import { evidenceService } from './evidence-service.ts';
import { TOWN } from './manage-routes.tsx';
import { EvidenceQuery, evidenceYear, RegistrationParams, TargetGroupBody } from './schemas.ts';
import { ProgrammeEvidencePage, TownEvidencePage } from './views/evidence-pages.tsx';

const OFFICE = { access: 'office' } as const;

/**
 * Evidence completeness (F3): what a town's held events lack (the signed list, the attendees'
 * target-group evidence) with links to where it is added, and the same per town for the office.
 */
export const evidenceRoutes: ModulePlugin = async (app, { services }) => {
  const service = evidenceService(services);

  app.get('/verwaltung/:ags/veranstaltungen/nachweise', { config: TOWN, schema: { params: AgsParams, querystring: EvidenceQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const year = evidenceYear(request.query.jahr);
    const incompleteOnly = request.query.unvollstaendig === 'ja';
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const { totals, events, years } = await service.ofTown(town, { year, incompleteOnly }, page);
    return reply.render(
      <TownEvidencePage ags={town.ags} name={town.name} year={year} years={years} incompleteOnly={incompleteOnly} totals={totals} result={pageResult(events.items, events.total, page)} />,
      {
        title: request.t('events.evidence.town_title', { name: town.name }),
        breadcrumbs: [
          { href: `/verwaltung/${town.ags}`, label: town.name },
          { href: `/verwaltung/${town.ags}/veranstaltungen`, label: request.t('events.nav') },
          { label: request.t('events.evidence.crumb') },
        ],
      },
    );
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/zielgruppennachweis', { config: TOWN, schema: { params: RegistrationParams, body: TargetGroupBody } }, async (request, reply) => {
    const town = managedTown(request);
    const eventId = parseId(request.params.id);
    await service.setTargetGroupEvidence(signedInActor(request), town, eventId, parseId(request.params.rid), request.body.confirmed === 'yes');
    return reply.redirect(`/verwaltung/${town.ags}/veranstaltungen/${eventId}/anmeldungen${checkInReturnQuery(request.headers.referer, eventId)}`, 303);
  });

  app.get('/programmbuero/nachweise', { config: OFFICE, schema: { querystring: EvidenceQuery } }, async (request, reply) => {
    const year = evidenceYear(request.query.jahr);
    const { rows, years } = await service.perTown(year);
    return reply.render(<ProgrammeEvidencePage year={year} years={years} rows={rows} />, {
      title: request.t('events.evidence.programme_title'),
      breadcrumbs: [{ href: '/programmbuero', label: request.t('admin.nav.overview') }, { label: request.t('events.evidence.crumb') }],
    });
  });
};
