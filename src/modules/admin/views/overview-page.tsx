import { useView } from '../../../platform/views/context.ts';
import { AdminNav } from './parts.tsx';

export function OverviewPage({ counts }: { counts: { users: number; participants: number; pendingMail: number } }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('admin.overview.title')}</h1>
      <AdminNav current="overview" />
      <div class="vv-grid">
        <section class="kern-card vv-card" aria-labelledby="ov-users">
          <h2 class="kern-heading-small" id="ov-users">
            <a class="kern-link" href="/programmbuero/nutzer">
              {t('admin.nav.users')}
            </a>
          </h2>
          <p class="kern-body">{t('admin.overview.users', { count: counts.users })}</p>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ov-participation">
          <h2 class="kern-heading-small" id="ov-participation">
            <a class="kern-link" href="/programmbuero/teilnahme">
              {t('admin.nav.participation')}
            </a>
          </h2>
          <p class="kern-body">{t('admin.overview.participants', { count: counts.participants })}</p>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ov-audit">
          <h2 class="kern-heading-small" id="ov-audit">
            <a class="kern-link" href="/programmbuero/protokoll">
              {t('admin.nav.audit')}
            </a>
          </h2>
          <p class="kern-body">{t('admin.overview.audit')}</p>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ov-outbox">
          <h2 class="kern-heading-small" id="ov-outbox">
            <a class="kern-link" href="/programmbuero/postausgang">
              {t('admin.nav.outbox')}
            </a>
          </h2>
          <p class="kern-body">{t('admin.overview.pending_mail', { count: counts.pendingMail })}</p>
        </section>
      </div>
    </>
  );
}
