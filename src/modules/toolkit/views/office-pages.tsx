import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, RadioGroup, TextArea } from '../../../platform/views/forms.tsx';
import type { Status } from '../tables.ts';
import { CardBody, type CardContent } from './card.tsx';
import { StatusBadge, VersionList } from './workspace-pages.tsx';

export interface QueueRow {
  id: number;
  title: string;
  status: Status;
  version: number;
  town: string;
}

/** The office's queue: cards submitted for review, then the published ones to keep an eye on. */
export function ReviewQueuePage({ queue }: { queue: PageResult<QueueRow> }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('toolkit.office.title')}</h1>
      <p class="kern-body">{t('toolkit.office.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/programmbuero/werkzeugkoffer/beispiele">
          {t('toolkit.office.examples_link')}
        </a>
      </p>
      {queue.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('toolkit.office.queue')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['title', 'town', 'status', 'version'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`toolkit.office.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {queue.items.map((m) => (
                <tr class="kern-table__row" key={m.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`/programmbuero/werkzeugkoffer/methoden/${m.id}`}>
                      {m.title}
                    </a>
                  </th>
                  <td class="kern-table__cell">{m.town}</td>
                  <td class="kern-table__cell">
                    <StatusBadge status={m.status} />
                  </td>
                  <td class="kern-table__cell">{m.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('toolkit.office.empty')}</p>
      )}
      <Pagination result={queue} path="/programmbuero/werkzeugkoffer" query={{}} />
    </>
  );
}

/** A card as the office reviews it: the content, the decision, the versions. */
export function ReviewPage({
  card,
  status,
  form,
  editHref,
  versions,
}: {
  card: CardContent;
  status: Status;
  form: FormState;
  editHref: string;
  versions: Array<{ version: number; status: string; created_at: Date; actor: string | null }>;
}) {
  const { t } = useView();
  const labels = { decision: t('toolkit.office.decision'), note: t('toolkit.office.note') };
  return (
    <>
      <h1 class="kern-heading-large">{card.title}</h1>
      <p class="kern-body">
        <StatusBadge status={status} /> ·{' '}
        <a class="kern-link" href={editHref}>
          {t('common.edit')}
        </a>
      </p>
      <CardBody card={card} />
      <h2 class="kern-heading-medium">{t('toolkit.office.decision')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <Form action={`/programmbuero/werkzeugkoffer/methoden/${card.id}/entscheidung`}>
        <RadioGroup form={form} name="decision" legend={labels.decision} options={(['publish', 'changes', 'withdraw'] as const).map((d) => ({ value: d, label: t(`toolkit.office.decision_${d}`) }))} />
        <TextArea form={form} name="note" label={labels.note} hint={t('toolkit.office.note_hint')} rows={4} maxLength={2000} />
        <FormActions submitLabel={t('toolkit.office.decide')} cancelHref="/programmbuero/werkzeugkoffer" />
      </Form>
      <VersionList versions={versions} />
    </>
  );
}
